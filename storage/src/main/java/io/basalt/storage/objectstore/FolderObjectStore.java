package io.basalt.storage.objectstore;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The embedded object store: bucket {@code B} is the folder {@code <root>/B/} and a key is a
 * relative path in it; {@code file://} URIs are plain absolute paths. Writes go to a hidden
 * temporary file beside the target and are renamed over it on close, so a reader never sees a
 * half-written object.
 */
public final class FolderObjectStore implements ObjectStore {
  /** Prefix of in-progress writes; listings skip them. */
  static final String TEMPORARY_PREFIX = ".basalt-tmp-";

  private final Path root;

  public FolderObjectStore(Path root) {
    this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The local path an object lives at. */
  public Path path(ObjectUri uri) {
    if (uri.isS3()) {
      Path bucket = root.resolve(uri.bucket());
      Path path = bucket.resolve(uri.key()).normalize();
      if (!path.startsWith(bucket)) {
        throw new StorageException("22023", "Cannot use object URI '" + uri
            + "': its key leaves the bucket");
      }
      return path;
    }
    return Path.of("/" + uri.key());
  }

  private ObjectUri uriOf(ObjectUri like, Path path) {
    if (like.isS3()) {
      String key = root.resolve(like.bucket()).relativize(path).toString();
      return new ObjectUri("s3", like.bucket(), key);
    }
    return new ObjectUri("file", "", path.toString().substring(1));
  }

  @Override
  public ObjectListing list(ObjectUri prefix, String delimiter) {
    if (prefix.isS3() && !bucketExists(prefix.bucket())) {
      throw new StorageException("58P01", "Cannot list '" + prefix + "': bucket '"
          + prefix.bucket() + "' does not exist");
    }
    Path base = path(prefix);
    String key = prefix.key();
    // Keys match as strings, as in S3: "data" matches "data/x" and "data2/y" alike. The walk
    // starts at the deepest folder the prefix spells out in full.
    boolean folderPrefix = key.isEmpty() || key.endsWith("/");
    Path folder = folderPrefix ? base : base.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      return new ObjectListing(List.of(), List.of());
    }
    String wanted = base.toString() + (folderPrefix && !base.toString().endsWith("/") ? "/" : "");
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          String name = dir.toString() + "/";
          // Only folders that can hold a match are entered.
          return dir.equals(folder) || name.startsWith(wanted) || wanted.startsWith(name)
              ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile() && file.toString().startsWith(wanted)
              && !file.getFileName().toString().startsWith(TEMPORARY_PREFIX)) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          // What cannot be read (a dangling link, a folder without permission) is no object.
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot list '" + prefix + "': " + e.getMessage(), e);
    }
    files.sort(null);
    List<ObjectInfo> objects = new ArrayList<>();
    TreeSet<String> prefixes = new TreeSet<>();
    try {
      for (Path file : files) {
        String rest = file.toString().substring(wanted.length());
        int cut = delimiter == null ? -1 : rest.indexOf(delimiter);
        if (cut >= 0) {
          prefixes.add(wanted + rest.substring(0, cut + delimiter.length()));
        } else {
          objects.add(info(prefix, file));
        }
      }
    } catch (java.io.UncheckedIOException e) {
      throw new StorageException("58030", "Cannot list '" + prefix + "': " + e.getMessage(), e);
    }
    List<ObjectUri> common = new ArrayList<>();
    for (String p : prefixes) {
      common.add(uriOf(prefix, Path.of(p)).asPrefix());
    }
    return new ObjectListing(objects, common);
  }

  private ObjectInfo info(ObjectUri like, Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return new ObjectInfo(uriOf(like, path), attributes.size(),
          attributes.lastModifiedTime().toMillis());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public Optional<ObjectInfo> stat(ObjectUri uri) {
    Path path = path(uri);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(info(uri, path));
    } catch (java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }

  @Override
  public byte[] read(ObjectUri uri, long offset, int length) {
    try (FileChannel channel = FileChannel.open(path(uri), StandardOpenOption.READ)) {
      long available = Math.max(0, channel.size() - offset);
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, available));
      long position = offset;
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer, position);
        if (read < 0) {
          break;
        }
        position += read;
      }
      if (buffer.hasRemaining()) {
        byte[] shorter = new byte[buffer.position()];
        System.arraycopy(buffer.array(), 0, shorter, 0, shorter.length);
        return shorter;
      }
      return buffer.array();
    } catch (NoSuchFileException e) {
      throw missing(uri, e);
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot read '" + uri + "': " + e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(ObjectUri uri) {
    try {
      return Files.newInputStream(path(uri));
    } catch (NoSuchFileException e) {
      throw missing(uri, e);
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot read '" + uri + "': " + e.getMessage(), e);
    }
  }

  private StorageException missing(ObjectUri uri, Exception cause) {
    if (uri.isS3() && !bucketExists(uri.bucket())) {
      return new StorageException("58P01", "Cannot read '" + uri + "': bucket '" + uri.bucket()
          + "' does not exist", cause);
    }
    return new StorageException("58P01", "Cannot read '" + uri + "': the object does not exist",
        cause);
  }

  @Override
  public AbortableOutput create(ObjectUri uri) {
    if (uri.isS3() && !bucketExists(uri.bucket())) {
      throw new StorageException("58P01", "Cannot write '" + uri + "': bucket '" + uri.bucket()
          + "' does not exist");
    }
    Path target = path(uri);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = target.resolveSibling(TEMPORARY_PREFIX + UUID.randomUUID());
      OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      return new FileOutput(uri, target, temporary, out);
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot write '" + uri + "': " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(ObjectUri uri) {
    try {
      Files.deleteIfExists(path(uri));
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot delete '" + uri + "': " + e.getMessage(), e);
    }
  }

  @Override
  public boolean bucketExists(String bucket) {
    return bucket.isEmpty() || Files.isDirectory(root.resolve(bucket));
  }

  /** Creates the bucket's folder (the embedded store's CreateBucket). */
  public void createBucket(String bucket) {
    try {
      Files.createDirectories(root.resolve(bucket));
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot create bucket '" + bucket + "': "
          + e.getMessage(), e);
    }
  }

  /** Writes to a temporary file, then renames it over the target on close. */
  private static final class FileOutput extends AbortableOutput {
    private final ObjectUri uri;
    private final Path target;
    private final Path temporary;
    private final OutputStream out;
    private boolean done;

    FileOutput(ObjectUri uri, Path target, Path temporary, OutputStream out) {
      this.uri = uri;
      this.target = target;
      this.temporary = temporary;
      this.out = new java.io.BufferedOutputStream(out, 1 << 16);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void abort() {
      if (!done) {
        done = true;
        try {
          out.close();
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // Nothing was published; a stray temporary file is skipped by listings.
        }
      }
    }

    @Override
    public void close() throws IOException {
      if (done) {
        return;
      }
      done = true;
      try {
        out.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        Files.deleteIfExists(temporary);
        throw new IOException("Cannot write '" + uri + "': " + e.getMessage(), e);
      }
    }
  }
}
