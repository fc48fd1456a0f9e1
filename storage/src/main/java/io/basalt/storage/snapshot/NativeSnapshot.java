package io.basalt.storage.snapshot;

import io.basalt.storage.ScanIterator;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableSnapshot;
import io.basalt.storage.TableStats;
import io.basalt.storage.catalog.SegmentRef;
import io.basalt.storage.catalog.TableEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * A native table as of one commit: the definition and segment list of one manifest. Segment files
 * are immutable, and {@link SegmentCache} keeps them while the snapshot is reachable (a scan holds
 * its snapshot), so the snapshot stays readable.
 */
public final class NativeSnapshot implements TableSnapshot {
  private final TableEntry entry;
  private final SegmentCache cache;

  NativeSnapshot(TableEntry entry, SegmentCache cache) {
    this.entry = entry;
    this.cache = cache;
  }

  @Override
  public TableDefinition definition() {
    return entry.definition();
  }

  @Override
  public TableStats stats() {
    return entry.stats();
  }

  /** The committed segments, in commit order. */
  public List<SegmentRef> segments() {
    return entry.segments();
  }

  @Override
  public boolean splitsBySlice(int shares) {
    return shares == 1 || splitsBySlice(entry.segments(), shares);
  }

  private static boolean splitsBySlice(List<SegmentRef> segments, int shares) {
    return segments.stream().mapToInt(SegmentRef::slice).distinct().count() >= shares;
  }

  @Override
  public ScanIterator scan(ScanRequest request) {
    List<SegmentRef> segments = new ArrayList<>();
    for (SegmentRef segment : entry.segments()) {
      if (request.slice() < 0 || segment.slice() == request.slice()) {
        segments.add(segment);
      }
    }
    int shares = request.shares();
    if (shares == 1) {
      return new NativeScan(this, segments, cache, request, 0, 1);
    }
    if (splitsBySlice(segments, shares)) {
      // One pipeline per slice: the share owns whole slices, as a Redshift slice owns its rows.
      List<SegmentRef> own = new ArrayList<>();
      for (SegmentRef segment : segments) {
        if (segment.slice() % shares == request.share()) {
          own.add(segment);
        }
      }
      return new NativeScan(this, own, cache, request, 0, 1);
    }
    return new NativeScan(this, segments, cache, request, request.share(), shares);
  }
}
