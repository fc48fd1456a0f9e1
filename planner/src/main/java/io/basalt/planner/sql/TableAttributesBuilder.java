package io.basalt.planner.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Collects table attributes while the parser reads a CREATE TABLE, rejecting contradictions.
 *
 * <p>Public only because the generated parser lives in another package; it is a parser helper,
 * not API.
 */
public final class TableAttributesBuilder {
  private final String action;
  private @Nullable String distStyle;
  private @Nullable SqlParserPos distStylePos;
  private @Nullable String distKey;
  private @Nullable String sortKeyKind;
  private final List<String> sortKeyColumns = new ArrayList<>();

  /** Starts collecting the attributes of {@code table}, named in error messages. */
  public TableAttributesBuilder(String table) {
    this.action = "Cannot create table \"" + table + "\": ";
  }

  /** Records {@code DISTSTYLE style}. */
  public void distStyle(String style, SqlParserPos pos) {
    if (distStyle != null) {
      throw ParseErrors.at(pos, action + "DISTSTYLE is declared more than once");
    }
    distStyle = style;
    distStylePos = pos;
  }

  /** Records {@code DISTKEY (column)} or a column's {@code DISTKEY} attribute. */
  public void distKey(String column, SqlParserPos pos) {
    if (distKey != null) {
      throw ParseErrors.at(pos, action + "DISTKEY is declared more than once");
    }
    distKey = column;
  }

  /**
   * Records {@code [COMPOUND | INTERLEAVED] SORTKEY (columns)}, {@code SORTKEY AUTO} or a
   * column's {@code SORTKEY} attribute; {@code kind} is null when neither prefix was written.
   */
  public void sortKey(@Nullable String kind, List<String> columns, SqlParserPos pos) {
    if (sortKeyKind != null) {
      throw ParseErrors.at(pos, action + "SORTKEY is declared more than once");
    }
    sortKeyKind = kind != null ? kind : columns.isEmpty() ? "AUTO" : "COMPOUND";
    sortKeyColumns.addAll(columns);
  }

  /** Checks that distribution style and key agree, and returns the attributes. */
  public TableAttributes build() {
    String style = distStyle;
    if (distKey != null) {
      if (style == null) {
        style = "KEY";
      } else if (!style.equals("KEY")) {
        throw ParseErrors.at(distStylePos,
            action + "DISTKEY requires DISTSTYLE KEY, not DISTSTYLE " + style);
      }
    } else if ("KEY".equals(style)) {
      throw ParseErrors.at(distStylePos,
          action + "DISTSTYLE KEY requires a DISTKEY column");
    }
    return new TableAttributes(style, distKey, sortKeyKind, sortKeyColumns);
  }
}
