package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.QueryContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * LIKE with a constant pattern: literal text around '%' is matched with startsWith, endsWith and
 * indexOf; a pattern with '_' uses a regex built exactly as Calcite builds it ('_' does not match
 * a line terminator there, '%' matches anything).
 */
final class Like implements VectorExpression {
  private static final String REGEX_SPECIALS = "[]()|^-+*?{}$\\.";

  private final VectorExpression operand;
  /** The literal pieces between '%'s; null when the pattern needs the regex. */
  private final String[] pieces;
  private final boolean anchoredStart;
  private final boolean anchoredEnd;
  private final Pattern regex;

  private Like(VectorExpression operand, String[] pieces, boolean anchoredStart,
      boolean anchoredEnd, Pattern regex) {
    this.operand = operand;
    this.pieces = pieces;
    this.anchoredStart = anchoredStart;
    this.anchoredEnd = anchoredEnd;
    this.regex = regex;
  }

  /** The matcher for a pattern, or null when the pattern is invalid (Calcite raises then). */
  static Like of(VectorExpression operand, String pattern, char escape) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    StringBuilder regex = new StringBuilder();
    boolean underscore = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == escape) {
        if (i + 1 == pattern.length()) {
          return null;
        }
        char next = pattern.charAt(++i);
        if (next != '_' && next != '%' && next != escape) {
          return null;
        }
        piece.append(next);
        appendLiteral(regex, next);
      } else if (c == '%') {
        pieces.add(piece.toString());
        piece.setLength(0);
        regex.append("(?s:.*)");
      } else if (c == '_') {
        underscore = true;
        regex.append('.');
      } else {
        piece.append(c);
        appendLiteral(regex, c);
      }
    }
    pieces.add(piece.toString());
    if (underscore) {
      return new Like(operand, null, false, false, Pattern.compile(regex.toString()));
    }
    return new Like(operand, pieces.toArray(new String[0]), true, true, null);
  }

  private static void appendLiteral(StringBuilder regex, char c) {
    if (REGEX_SPECIALS.indexOf(c) >= 0) {
      regex.append('\\');
    }
    regex.append(c);
  }

  @Override
  public Column evaluate(Batch input, QueryContext context) {
    Column a = operand.evaluate(input, context);
    int size = input.size();
    long[] result = new long[size];
    Object[] values = a.objects;
    for (int i = 0; i < size; i++) {
      String value = (String) values[i];
      if (value != null) {
        result[i] = matches(value) ? 1 : 0;
      }
    }
    return Column.ofLongs(size, result, a.nulls);
  }

  boolean matches(String value) {
    if (regex != null) {
      return regex.matcher(value).matches();
    }
    int last = pieces.length - 1;
    if (last == 0) {
      return value.equals(pieces[0]);
    }
    String first = pieces[0];
    String end = pieces[last];
    if (!value.startsWith(first) || value.length() - first.length() < end.length()
        || !value.endsWith(end)) {
      return false;
    }
    int from = first.length();
    int limit = value.length() - end.length();
    for (int p = 1; p < last; p++) {
      String middle = pieces[p];
      int at = value.indexOf(middle, from);
      if (at < 0 || at + middle.length() > limit) {
        return false;
      }
      from = at + middle.length();
    }
    return true;
  }
}
