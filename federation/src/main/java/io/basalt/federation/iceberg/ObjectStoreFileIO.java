package io.basalt.federation.iceberg;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Iceberg's file access over Basalt's {@link ObjectStore}, so that Iceberg tables live in the
 * folder-backed store and on an S3-compatible endpoint alike, under {@code s3://} or
 * {@code file://} locations. Objects appear atomically when their stream closes, which is what
 * Iceberg's commit protocol needs of a new metadata file.
 */
public final class ObjectStoreFileIO implements SupportsPrefixOperations {
  private static final long serialVersionUID = 1L;

  /** Not serialized: Basalt never ships a FileIO to another process. */
  private final transient ObjectStore store;

  public ObjectStoreFileIO(ObjectStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  @Override
  public InputFile newInputFile(String path) {
    return new ObjectStoreFiles.Input(store, ObjectUri.parse(path), path, -1);
  }

  @Override
  public InputFile newInputFile(String path, long length) {
    return new ObjectStoreFiles.Input(store, ObjectUri.parse(path), path, length);
  }

  @Override
  public OutputFile newOutputFile(String path) {
    return new ObjectStoreFiles.Output(store, ObjectUri.parse(path), path);
  }

  @Override
  public void deleteFile(String path) {
    store.delete(ObjectUri.parse(path));
  }

  @Override
  public Iterable<FileInfo> listPrefix(String prefix) {
    List<FileInfo> files = new ArrayList<>();
    for (ObjectInfo object : store.list(ObjectUri.parse(prefix), null).objects()) {
      files.add(new FileInfo(object.uri().toString(), object.size(),
          object.lastModifiedMillis()));
    }
    return files;
  }

  @Override
  public void deletePrefix(String prefix) {
    for (ObjectInfo object : store.list(ObjectUri.parse(prefix).asPrefix(), null).objects()) {
      store.delete(object.uri());
    }
  }
}
