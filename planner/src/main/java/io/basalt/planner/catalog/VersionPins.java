package io.basalt.planner.catalog;

import io.basalt.planner.source.TableVersion;
import io.basalt.planner.source.VersionedSourceTable;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.DelegatingSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Names for a versioned table pinned to one version, {@code orders@v123} (snapshot 123),
 * {@code orders@t1767225600000} (the version current at that instant, in epoch milliseconds)
 * and {@code orders@r7633} (the tag or branch "v3", its name's UTF-8 bytes in hex),
 * and the schema wrapper that resolves them to {@link VersionedSourceTable#atVersion}.
 *
 * <p>Why names: a query that reads an old snapshot must see the columns that snapshot was
 * written with (a dropped column still there, a renamed one under its old name), yet Calcite's
 * validator takes a table's row type from the table its name resolves to, once per name. The
 * validator therefore renames a table read at a literal version to its pinned name before it
 * validates (see the sql package's VersionPinning), and only names it wrote ever look like this.
 */
public final class VersionPins {
  private static final String MARK = "@";

  private VersionPins() {}

  /** The pinned name of {@code table} at {@code version} (a snapshot id or an instant). */
  public static String name(String table, TableVersion version) {
    if (version instanceof TableVersion.SnapshotId id) {
      return table + MARK + "v" + id.id();
    } else if (version instanceof TableVersion.AsOfTime time) {
      return table + MARK + "t" + time.epochMillis();
    } else if (version instanceof TableVersion.Ref ref) {
      // In hex, so that the name's own characters (an @, say) cannot confuse the parse.
      return table + MARK + "r" + HexFormat.of().formatHex(
          ref.name().getBytes(StandardCharsets.UTF_8));
    }
    throw new IllegalArgumentException("Only a snapshot id or an instant pins a table: "
        + version.describe());
  }

  /** The table's own name if {@code name} is a pinned one, else null. */
  public static @Nullable String baseName(String name) {
    return parse(name) == null ? null : name.substring(0, name.lastIndexOf(MARK));
  }

  /** The version a pinned name names, or null when {@code name} is not pinned. */
  static @Nullable TableVersion parse(String name) {
    int mark = name.lastIndexOf(MARK);
    if (mark <= 0 || mark + 2 >= name.length()) {
      return null;
    }
    char kind = name.charAt(mark + 1);
    String digits = name.substring(mark + 2);
    if (kind == 'r') {
      if (!digits.matches("([0-9a-f]{2})+")) {
        return null;
      }
      return TableVersion.ofRef(new String(HexFormat.of().parseHex(digits),
          StandardCharsets.UTF_8));
    }
    if (!digits.matches("-?[0-9]{1,19}")) {
      return null;
    }
    long value;
    try {
      value = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return null;
    }
    return switch (kind) {
      case 'v' -> TableVersion.ofSnapshot(value);
      case 't' -> TableVersion.asOf(value);
      default -> null;
    };
  }

  /** {@code schema}, answering also for pinned names of its versioned tables. */
  static @Nullable Schema wrap(@Nullable Schema schema) {
    return schema == null ? null : new PinningSchema(schema);
  }

  private static final class PinningSchema extends DelegatingSchema {
    PinningSchema(Schema schema) {
      super(schema);
    }

    @Override
    public Lookup<Table> tables() {
      Lookup<Table> tables = schema.tables();
      return new Lookup<>() {
        @Override
        public @Nullable Table get(String name) {
          Table table = tables.get(name);
          return table != null ? table : pinned(tables, name, false);
        }

        @Override
        public @Nullable Named<Table> getIgnoreCase(String name) {
          Named<Table> table = tables.getIgnoreCase(name);
          if (table != null) {
            return table;
          }
          Table pinned = pinned(tables, name, true);
          return pinned == null ? null : new Named<>(name, pinned);
        }

        @Override
        public Set<String> getNames(LikePattern pattern) {
          return tables.getNames(pattern);
        }
      };
    }

    @Override
    @SuppressWarnings("deprecation")
    public @Nullable Table getTable(String name) {
      return tables().get(name);
    }

    /** The versioned table a pinned name names, at that version; null for any other name. */
    private static @Nullable Table pinned(Lookup<Table> tables, String name, boolean ignoreCase) {
      TableVersion version = parse(name);
      if (version == null) {
        return null;
      }
      String base = name.substring(0, name.lastIndexOf(MARK));
      Table table = ignoreCase ? Named.entityOrNull(tables.getIgnoreCase(base)) : tables.get(base);
      return table instanceof VersionedSourceTable versioned ? versioned.atVersion(version)
          : null;
    }
  }
}
