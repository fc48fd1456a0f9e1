package io.basalt.federation.iceberg;

import java.util.function.Supplier;

/**
 * A value that the first thread to need it computes while the others needing it wait; a
 * computation that fails leaves it to the next. Unlike {@code ConcurrentHashMap.computeIfAbsent},
 * a long computation (reading a delete file) blocks no other key's.
 */
final class ComputedOnce<T> {
  private boolean computed;
  private T value;

  synchronized T get(Supplier<T> computation) {
    if (!computed) {
      value = computation.get();
      computed = true;
    }
    return value;
  }
}
