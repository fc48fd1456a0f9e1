package io.basalt.storage.catalog;

import io.basalt.storage.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive use of a data directory: a file lock against other processes, and a registry against
 * a second open in this process (file locks are per process, and closing another channel on the
 * lock file could drop this process's lock).
 */
final class DirectoryLock implements AutoCloseable {
  private static final String LOCK_FILE = "basalt.lock";
  private static final Set<Path> OPEN_DIRECTORIES = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final FileChannel channel;

  private DirectoryLock(Path key, FileChannel channel) {
    this.key = key;
    this.channel = channel;
  }

  /** Locks an existing directory; throws 55006 when it is in use. */
  static DirectoryLock acquire(Path directory) throws IOException {
    Path key = directory.toAbsolutePath().normalize();
    if (!OPEN_DIRECTORIES.add(key)) {
      throw new StorageException("55006", "Cannot open data directory " + directory
          + ": it is already open in this process");
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      if (channel.tryLock() == null) {
        throw new StorageException("55006", "Cannot open data directory " + directory
            + ": another process is using it");
      }
      return new DirectoryLock(key, channel);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      OPEN_DIRECTORIES.remove(key);
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      // Closing the channel releases the lock.
      channel.close();
    } finally {
      OPEN_DIRECTORIES.remove(key);
    }
  }
}
