package io.basalt.planner.exec.join;

import io.basalt.planner.exec.Batch;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the first probe partition of an execution prepares for all of them.
 *
 * @param build the hashed right input; null when the left input was hashed instead
 * @param leftPartitions the left input's batches per partition when it was drained up front
 *     (SEMI and ANTI joins), else null and each partition streams its own share
 * @param leftMatched when the left input was hashed: whether each left row (in partition, then
 *     batch order) has a match
 * @param reservedBytes bytes reserved for all of it, released when the execution ends
 */
record Prepared(@Nullable BuildSide build, @Nullable List<List<Batch>> leftPartitions,
    boolean @Nullable [] leftMatched, long reservedBytes) {}
