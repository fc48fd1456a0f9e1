package io.basalt.planner.source;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The version of a table that a scan reads: {@link #LATEST} (what every query reads unless it
 * names another), an Iceberg snapshot by id ({@code FOR VERSION AS OF 123}) or by the name of a
 * tag or branch ({@code FOR VERSION AS OF 'q3-close'}), or the version that
 * was current at an instant ({@code FOR TIMESTAMP AS OF '2026-01-01 00:00:00'}). Only a source
 * whose {@link TableSource#supportsVersions} is true is ever asked for anything but LATEST.
 *
 * <p>The value is what the query's clause came to in this execution: the planner fixes a literal
 * when planning, and evaluates any other expression ({@code current_timestamp - interval '1'
 * hour}) each time the scan runs, so a cached or prepared plan never reads a stale instant.
 */
public sealed interface TableVersion {
  /** The table as it is when the scan is resolved. */
  TableVersion LATEST = new Latest();

  /** The snapshot with this id. */
  static TableVersion ofSnapshot(long id) {
    return new SnapshotId(id);
  }

  /** The snapshot a named reference points at: an Iceberg tag or branch. */
  static TableVersion ofRef(String name) {
    return new Ref(name);
  }

  /** The version current at {@code epochMillis}, milliseconds since 1970-01-01 00:00:00 UTC. */
  static TableVersion asOf(long epochMillis) {
    return new AsOfTime(epochMillis);
  }

  /** How EXPLAIN shows the version: {@code snapshot 123}, {@code as of 2026-01-01 00:00:00}. */
  String describe();

  /** The latest version. */
  record Latest() implements TableVersion {
    @Override
    public String describe() {
      return "latest";
    }
  }

  /** A snapshot named by its id (for Iceberg, {@code Snapshot.snapshotId()}). */
  record SnapshotId(long id) implements TableVersion {
    @Override
    public String describe() {
      return "snapshot " + id;
    }
  }

  /** A snapshot named by a tag or branch ({@code FOR VERSION AS OF 'q3-close'}). */
  record Ref(String name) implements TableVersion {
    public Ref {
      Objects.requireNonNull(name, "name is null");
    }

    @Override
    public String describe() {
      return "ref '" + name.replace("'", "''") + "'";
    }
  }

  /** The version current at an instant: the last snapshot committed at or before it. */
  record AsOfTime(long epochMillis) implements TableVersion {
    private static final DateTimeFormatter SECONDS =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Override
    public String describe() {
      // Whole seconds are what users type; milliseconds only when there are some.
      DateTimeFormatter format = Math.floorMod(epochMillis, 1000) == 0 ? SECONDS : MILLIS;
      return "as of " + format.format(Instant.ofEpochMilli(epochMillis));
    }
  }
}
