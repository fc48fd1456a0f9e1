package io.basalt.planner.exec;

/**
 * One running instance of a plan node in one partition: a pull-based stream of batches.
 * {@link #next} returns null at the end; {@link #close} releases what the operator holds
 * (memory reservations, input operators) and may be called before the end.
 */
public interface Operator extends AutoCloseable {
  Batch next();

  @Override
  void close();
}
