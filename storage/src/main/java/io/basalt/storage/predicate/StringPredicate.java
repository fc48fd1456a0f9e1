package io.basalt.storage.predicate;

import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.ValueRange;
import io.basalt.storage.block.ColumnBlock;
import io.basalt.storage.block.PhysicalType;
import io.basalt.storage.encoding.DecodedStrings;
import io.basalt.storage.zonemap.ZoneMap;
import java.util.List;

/**
 * A predicate on a CHAR or VARCHAR column, by {@link String#compareTo}; for CHAR both sides are
 * compared without trailing blanks. Dictionary blocks are tested once per distinct value.
 */
final class StringPredicate extends BoundPredicate {
  private final boolean blankInsensitive;
  private final int count;
  private final String[] lows;
  private final String[] highs;
  private final boolean[] lowInclusive;
  private final boolean[] highInclusive;

  private StringPredicate(int column, boolean blankInsensitive, boolean matchesNull,
      List<ValueRange> ranges) {
    super(column, matchesNull);
    this.blankInsensitive = blankInsensitive;
    count = ranges.size();
    lows = new String[count];
    highs = new String[count];
    lowInclusive = new boolean[count];
    highInclusive = new boolean[count];
    for (int i = 0; i < count; i++) {
      ValueRange range = ranges.get(i);
      lows[i] = range.lower() == null ? null : normalize(text(range.lower()));
      lowInclusive[i] = range.lowerInclusive();
      highs[i] = range.upper() == null ? null : normalize(text(range.upper()));
      highInclusive[i] = range.upperInclusive();
    }
  }

  static StringPredicate bind(int column, ColumnType type, ColumnPredicate predicate) {
    return new StringPredicate(column, PhysicalType.ignoresTrailingBlanks(type),
        predicate.matchesNull(), predicate.ranges());
  }

  private static String text(Object bound) {
    if (bound instanceof String s) {
      return s;
    }
    if (bound instanceof Character c) {
      return c.toString();
    }
    throw new ClassCastException(bound.getClass().getSimpleName() + " is not a string");
  }

  private String normalize(String value) {
    return blankInsensitive ? PhysicalType.stripBlanks(value) : value;
  }

  private boolean passes(String raw) {
    String v = normalize(raw);
    for (int r = 0; r < count; r++) {
      if (lows[r] != null) {
        int c = v.compareTo(lows[r]);
        if (c < 0 || c == 0 && !lowInclusive[r]) {
          continue;
        }
      }
      if (highs[r] != null) {
        int c = v.compareTo(highs[r]);
        if (c > 0 || c == 0 && !highInclusive[r]) {
          continue;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  boolean rangesMayMatch(ZoneMap zone) {
    String min = (String) zone.min();
    String max = (String) zone.max();
    for (int r = 0; r < count; r++) {
      if (highs[r] != null && min != null) {
        int c = min.compareTo(highs[r]);
        if (c > 0 || c == 0 && !highInclusive[r]) {
          continue;
        }
      }
      if (lows[r] != null && max != null) {
        int c = max.compareTo(lows[r]);
        if (c < 0 || c == 0 && !lowInclusive[r]) {
          continue;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public int filter(ColumnBlock block, int[] positions, int rows) {
    DecodedStrings strings = block.strings();
    boolean[] nulls = block.nulls();
    boolean matchesNull = matchesNull();
    boolean[] dictionaryPasses = null;
    if (strings.dictionary() != null) {
      String[] dictionary = strings.dictionary();
      dictionaryPasses = new boolean[dictionary.length];
      for (int d = 0; d < dictionary.length; d++) {
        dictionaryPasses[d] = passes(dictionary[d]);
      }
    }
    int kept = 0;
    for (int i = 0; i < rows; i++) {
      int row = positions[i];
      boolean pass;
      if (nulls != null && nulls[row]) {
        pass = matchesNull;
      } else if (dictionaryPasses != null) {
        pass = dictionaryPasses[strings.codes()[row]];
      } else {
        pass = passes(strings.get(row));
      }
      if (pass) {
        positions[kept++] = row;
      }
    }
    return kept;
  }

  @Override
  int filterObjects(Object[] values, boolean[] nulls, int[] positions, int rows) {
    boolean matchesNull = matchesNull();
    // Rows of a dictionary-encoded file column share one String per distinct value, and
    // equal neighbours are common: test a value again only when the instance changes.
    Object last = null;
    boolean lastPassed = false;
    int kept = 0;
    for (int i = 0; i < rows; i++) {
      int row = positions[i];
      Object value = values[row];
      boolean pass;
      if (nulls != null && nulls[row] || value == null) {
        pass = matchesNull;
      } else {
        if (value != last) {
          last = value;
          lastPassed = passes((String) value);
        }
        pass = lastPassed;
      }
      if (pass) {
        positions[kept++] = row;
      }
    }
    return kept;
  }
}
