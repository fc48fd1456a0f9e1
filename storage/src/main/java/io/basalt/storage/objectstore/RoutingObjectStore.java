package io.basalt.storage.objectstore;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.util.Optional;

/**
 * Sends {@code file://} URIs to the folder store and {@code s3://} URIs to the S3 endpoint, so
 * that local files still load when buckets live elsewhere; made by {@link ObjectStoreConfig#open}.
 */
final class RoutingObjectStore implements ObjectStore {
  private final FolderObjectStore files;
  private final ObjectStore buckets;

  RoutingObjectStore(FolderObjectStore files, ObjectStore buckets) {
    this.files = requireNonNull(files, "files is null");
    this.buckets = requireNonNull(buckets, "buckets is null");
  }

  private ObjectStore route(ObjectUri uri) {
    return uri.isS3() ? buckets : files;
  }

  @Override
  public ObjectListing list(ObjectUri prefix, String delimiter) {
    return route(prefix).list(prefix, delimiter);
  }

  @Override
  public Optional<ObjectInfo> stat(ObjectUri uri) {
    return route(uri).stat(uri);
  }

  @Override
  public byte[] read(ObjectUri uri, long offset, int length) {
    return route(uri).read(uri, offset, length);
  }

  @Override
  public InputStream open(ObjectUri uri) {
    return route(uri).open(uri);
  }

  @Override
  public AbortableOutput create(ObjectUri uri) {
    return route(uri).create(uri);
  }

  @Override
  public void write(ObjectUri uri, byte[] bytes) {
    route(uri).write(uri, bytes);
  }

  @Override
  public void delete(ObjectUri uri) {
    route(uri).delete(uri);
  }

  @Override
  public boolean bucketExists(String bucket) {
    // File URIs have the empty bucket.
    return bucket.isEmpty() || buckets.bucketExists(bucket);
  }

  @Override
  public void close() {
    try {
      buckets.close();
    } finally {
      files.close();
    }
  }
}
