package io.basalt.storage.objectstore;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The bytes of one object on their way to S3: held in memory up to a limit, then in a temporary
 * local file, and sent only on close, as one PUT or (above the multipart threshold) as a multipart
 * upload. Both publish the whole object at once, so readers never see part of it; an aborted
 * stream sends nothing.
 */
final class S3Output extends ObjectStore.AbortableOutput {
  private static final String OCTET_STREAM = "application/octet-stream";

  private final S3Client client;
  private final ObjectUri uri;
  private final S3ObjectStore.UploadLimits limits;
  private Bytes memory = new Bytes();
  private Path file;
  private OutputStream fileOut;
  private long size;
  private boolean done;

  S3Output(S3Client client, ObjectUri uri, S3ObjectStore.UploadLimits limits) {
    this.client = client;
    this.uri = uri;
    this.limits = limits;
  }

  @Override
  public void write(int b) throws IOException {
    target(1).write(b);
    size++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    target(length).write(bytes, offset, length);
    size += length;
  }

  /** Where the next {@code length} bytes go: memory, or the file once memory would overflow. */
  private OutputStream target(int length) throws IOException {
    if (done) {
      throw new IOException("Cannot write '" + uri + "': the stream is closed");
    }
    if (fileOut == null && memory.size() + (long) length > limits.memoryBytes()) {
      file = Files.createTempFile("basalt-s3-upload-", ".tmp");
      fileOut = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      memory.writeTo(fileOut);
      memory = null;
    }
    return fileOut != null ? fileOut : memory;
  }

  @Override
  public void abort() {
    if (!done) {
      done = true;
      discard();
    }
  }

  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    done = true;
    try {
      if (fileOut == null) {
        Bytes bytes = memory;
        put(RequestBody.fromContentProvider(bytes::stream, size, OCTET_STREAM));
      } else {
        fileOut.close();
        if (size > limits.multipartThresholdBytes()) {
          uploadInParts();
        } else {
          put(RequestBody.fromFile(file));
        }
      }
    } catch (SdkException e) {
      throw S3Errors.map("write", uri, e);
    } finally {
      discard();
    }
  }

  private void put(RequestBody body) {
    client.putObject(request -> request.bucket(uri.bucket()).key(uri.key()), body);
  }

  /** Sends the file in parts; the object appears only when the upload is completed. */
  private void uploadInParts() throws IOException {
    String uploadId = client.createMultipartUpload(
        request -> request.bucket(uri.bucket()).key(uri.key())).uploadId();
    boolean completed = false;
    try (InputStream in = Files.newInputStream(file)) {
      List<CompletedPart> parts = new ArrayList<>();
      for (int number = 1; ; number++) {
        byte[] part = in.readNBytes(limits.partBytes());
        if (part.length == 0 && number > 1) {
          break;
        }
        int partNumber = number;
        String etag = client.uploadPart(request -> request.bucket(uri.bucket()).key(uri.key())
                .uploadId(uploadId).partNumber(partNumber),
            RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part), part.length,
                OCTET_STREAM)).eTag();
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        if (part.length < limits.partBytes()) {
          break;
        }
      }
      client.completeMultipartUpload(request -> request.bucket(uri.bucket()).key(uri.key())
          .uploadId(uploadId).multipartUpload(upload -> upload.parts(parts)));
      completed = true;
    } finally {
      if (!completed) {
        abortUpload(uploadId);
      }
    }
  }

  private void abortUpload(String uploadId) {
    try {
      client.abortMultipartUpload(request -> request.bucket(uri.bucket()).key(uri.key())
          .uploadId(uploadId));
    } catch (SdkException ignored) {
      // The upload stays invisible either way; the bucket's lifecycle rules reap it.
    }
  }

  private void discard() {
    memory = null;
    if (file != null) {
      try {
        fileOut.close();
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A temporary file left behind is garbage in java.io.tmpdir, never a visible object.
      }
    }
  }

  /** A byte buffer that can be re-read without copying, once per attempt of the PUT. */
  private static final class Bytes extends ByteArrayOutputStream {
    InputStream stream() {
      return new ByteArrayInputStream(buf, 0, count);
    }
  }
}
