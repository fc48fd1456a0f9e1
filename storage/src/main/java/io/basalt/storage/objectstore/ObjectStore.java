package io.basalt.storage.objectstore;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Objects named by {@link ObjectUri}: the folder-backed default ({@link FolderObjectStore}) and a
 * real S3-compatible endpoint ({@link S3ObjectStore}) behave the same through this interface.
 *
 * <p>Errors are {@link io.basalt.storage.StorageException}s that name the URI: a missing object,
 * prefix or bucket is SQLSTATE 58P01; a denied request (wrong credentials) 28000; an unreachable
 * endpoint or other I/O failure 58030. Implementations are thread-safe.
 */
public interface ObjectStore extends AutoCloseable {
  /**
   * Lists the objects whose key starts with {@code prefix}'s key. With a delimiter (usually
   * {@code "/"}) keys that contain it after the prefix are grouped into common prefixes; with
   * null, every object below the prefix is listed (recursively). Hidden names are not filtered
   * here. A missing bucket is 58P01; a prefix with nothing under it is an empty listing.
   */
  ObjectListing list(ObjectUri prefix, String delimiter);

  /** The object's size and time, or empty when there is none. */
  Optional<ObjectInfo> stat(ObjectUri uri);

  /** {@code length} bytes from {@code offset} (fewer only at the end of the object). */
  byte[] read(ObjectUri uri, long offset, int length);

  /** The whole object as a stream, from its start. */
  InputStream open(ObjectUri uri);

  /**
   * A stream whose bytes become the object when it is closed, atomically: until then readers see
   * the old object or none, and a stream abandoned through {@link AbortableOutput#abort} (or a
   * crash) leaves nothing visible.
   */
  AbortableOutput create(ObjectUri uri);

  /** Writes the whole object atomically. */
  default void write(ObjectUri uri, byte[] bytes) {
    try (AbortableOutput out = create(uri)) {
      out.write(bytes);
    } catch (java.io.IOException e) {
      throw new io.basalt.storage.StorageException("58030",
          "Cannot write '" + uri + "': " + e.getMessage(), e);
    }
  }

  /** Deletes the object; deleting a missing object does nothing. */
  void delete(ObjectUri uri);

  /** Whether the bucket exists (always true for file URIs). */
  boolean bucketExists(String bucket);

  @Override
  default void close() {}

  /** An output stream that either publishes its object on close or, once aborted, never does. */
  abstract class AbortableOutput extends OutputStream {
    /** Discards what was written; a later close publishes nothing. */
    public abstract void abort();
  }
}
