package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectListing;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An object store whose new objects become visible together or not at all: closing an output of
 * {@link #create} only finishes its bytes, and {@link #commit} publishes every finished output in
 * the order they were created. {@link #abort} (or a failed commit) discards every output and
 * deletes the objects the commit had already published, so a failed statement leaves no new
 * object behind.
 *
 * <p>Until the commit each output holds what the underlying store keeps for an open output: a
 * hidden temporary file in the folder store, memory up to a limit and then a temporary local file
 * for S3. Reads go straight to the underlying store. Thread-safe: writer threads create and
 * finish outputs concurrently; commit and abort run once everyone is done.
 */
final class StagedObjectStore implements ObjectStore {
  /** An object the commit published: its name and its size in bytes. */
  record Published(ObjectUri uri, long size) {
    Published {
      requireNonNull(uri, "uri is null");
    }
  }

  private final ObjectStore store;
  private final Map<ObjectUri, StagedOutput> outputs = new LinkedHashMap<>();
  private final List<Published> published = new ArrayList<>();
  private boolean committed;
  private boolean aborted;

  StagedObjectStore(ObjectStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  @Override
  public ObjectListing list(ObjectUri prefix, String delimiter) {
    return store.list(prefix, delimiter);
  }

  @Override
  public Optional<ObjectInfo> stat(ObjectUri uri) {
    return store.stat(uri);
  }

  @Override
  public byte[] read(ObjectUri uri, long offset, int length) {
    return store.read(uri, offset, length);
  }

  @Override
  public InputStream open(ObjectUri uri) {
    return store.open(uri);
  }

  /** An output whose object appears only at {@link #commit}; one per name per statement. */
  @Override
  public AbortableOutput create(ObjectUri uri) {
    synchronized (this) {
      checkOpen();
      if (outputs.containsKey(uri)) {
        throw new IllegalStateException("'" + uri + "' is written twice by one statement");
      }
      // Reserved before the underlying create, which may be slow, so a second writer of the same
      // name fails instead of racing.
      outputs.put(uri, null);
    }
    AbortableOutput underlying;
    try {
      underlying = store.create(uri);
    } catch (RuntimeException e) {
      synchronized (this) {
        outputs.remove(uri);
      }
      throw e;
    }
    StagedOutput output = new StagedOutput(uri, underlying);
    boolean late;
    synchronized (this) {
      late = aborted;
      if (!late) {
        outputs.put(uri, output);
      }
    }
    if (late) {
      underlying.abort();
      throw new IllegalStateException("the statement's writes were aborted");
    }
    return output;
  }

  /** Deleting is not staged: it happens at once, as in the underlying store. */
  @Override
  public void delete(ObjectUri uri) {
    store.delete(uri);
  }

  @Override
  public boolean bucketExists(String bucket) {
    return store.bucketExists(bucket);
  }

  /**
   * Publishes every output, in creation order, and returns them. Every output must have been
   * closed (finished) or aborted; an aborted one publishes nothing. If any publication fails, the
   * objects already published are deleted, the rest are discarded, and the failure is thrown.
   */
  List<Published> commit() {
    List<StagedOutput> pending;
    synchronized (this) {
      checkOpen();
      committed = true;
      pending = new ArrayList<>();
      for (StagedOutput output : outputs.values()) {
        if (output == null) {
          throw new IllegalStateException("an output is still being created");
        }
        if (!output.finished && !output.discarded) {
          throw new IllegalStateException("'" + output.uri + "' was neither closed nor aborted");
        }
        pending.add(output);
      }
    }
    for (int i = 0; i < pending.size(); i++) {
      StagedOutput output = pending.get(i);
      if (output.discarded) {
        continue;
      }
      try {
        output.underlying.close();
        published.add(new Published(output.uri, output.size));
      } catch (IOException | RuntimeException e) {
        for (int j = i + 1; j < pending.size(); j++) {
          pending.get(j).underlying.abort();
        }
        deletePublished(e);
        if (e instanceof StorageException storage) {
          throw storage;
        }
        throw new StorageException("58030", "Cannot write '" + output.uri + "': "
            + e.getMessage(), e);
      }
    }
    return List.copyOf(published);
  }

  /**
   * Discards every output not yet published and deletes what a commit published, so nothing of
   * this statement stays visible. Safe to call more than once and after a failed commit.
   */
  void abort() {
    List<StagedOutput> pending;
    synchronized (this) {
      if (aborted) {
        return;
      }
      aborted = true;
      pending = new ArrayList<>(outputs.values());
    }
    for (StagedOutput output : pending) {
      if (output != null) {
        output.underlying.abort();
      }
    }
    deletePublished(null);
  }

  /** The size of a finished output, known before the commit (a manifest lists it). */
  synchronized long finishedSize(ObjectUri uri) {
    StagedOutput output = outputs.get(uri);
    if (output == null || !output.finished) {
      throw new IllegalStateException("'" + uri + "' is not a finished output");
    }
    return output.size;
  }

  /** The objects published by the last commit. */
  synchronized List<Published> published() {
    return List.copyOf(published);
  }

  private void deletePublished(Exception cause) {
    for (Published object : published) {
      try {
        store.delete(object.uri());
      } catch (RuntimeException e) {
        if (cause != null) {
          cause.addSuppressed(e);
        }
        // Otherwise nothing better can be done: the object stays, as after a crash.
      }
    }
    published.clear();
  }

  private void checkOpen() {
    if (committed || aborted) {
      throw new IllegalStateException("the statement's writes were already "
          + (committed ? "committed" : "aborted"));
    }
  }

  /** Passes bytes to the underlying output; close only marks it finished. */
  private static final class StagedOutput extends AbortableOutput {
    private final ObjectUri uri;
    private final AbortableOutput underlying;
    private volatile boolean finished;
    private volatile boolean discarded;
    private long size;

    StagedOutput(ObjectUri uri, AbortableOutput underlying) {
      this.uri = uri;
      this.underlying = underlying;
    }

    @Override
    public void write(int b) throws IOException {
      check();
      underlying.write(b);
      size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      check();
      underlying.write(bytes, offset, length);
      size += length;
    }

    @Override
    public void flush() throws IOException {
      check();
      underlying.flush();
    }

    private void check() throws IOException {
      if (finished || discarded) {
        throw new IOException("Cannot write '" + uri + "': the stream is closed");
      }
    }

    @Override
    public void abort() {
      if (!finished && !discarded) {
        discarded = true;
        underlying.abort();
      }
    }

    @Override
    public void close() {
      if (!discarded) {
        finished = true;
      }
    }
  }
}
