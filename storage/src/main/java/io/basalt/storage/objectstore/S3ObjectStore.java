package io.basalt.storage.objectstore;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectStoreConfig.S3Endpoint;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Objects in a real S3-compatible endpoint, through the AWS SDK's sync client. Every call is
 * bounded (3 s to connect, a configurable deadline for the whole call, few retries), so that an
 * unreachable endpoint fails fast with 58030 instead of hanging a query.
 */
public final class S3ObjectStore implements ObjectStore {
  /** How long to wait for a TCP connection: an endpoint that does not answer by then is down. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  /** Attempts per call, the first included: retries absorb a blip, not an outage. */
  static final int MAX_ATTEMPTS = 3;

  /** When an upload leaves memory for a temporary file, and when it is sent in parts. */
  record UploadLimits(long memoryBytes, long multipartThresholdBytes, int partBytes) {
    static final UploadLimits DEFAULT = new UploadLimits(8L << 20, 64L << 20, 16 << 20);
  }

  private final AwsCredentialsProvider credentials;
  private final S3Client client;
  private final UploadLimits limits;

  public S3ObjectStore(S3Endpoint endpoint) {
    this(endpoint, UploadLimits.DEFAULT);
  }

  S3ObjectStore(S3Endpoint endpoint, UploadLimits limits) {
    requireNonNull(endpoint, "endpoint is null");
    this.limits = requireNonNull(limits, "limits is null");
    this.credentials = endpoint.accessKeyId().isPresent()
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
            endpoint.accessKeyId().get(), endpoint.secretAccessKey().orElseThrow()))
        : DefaultCredentialsProvider.builder().build();
    this.client = S3Client.builder()
        .endpointOverride(endpoint.endpoint())
        .region(Region.of(endpoint.region()))
        .forcePathStyle(endpoint.pathStyleAccess())
        .credentialsProvider(credentials)
        // The SDK's default trailing checksums (aws-chunked uploads) are rejected by many
        // S3-compatible stores; the signed payload hash, or TLS, protects the bytes instead.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(Apache5HttpClient.builder()
            .connectionTimeout(CONNECT_TIMEOUT)
            // A stalled read of an open object stream is bounded too.
            .socketTimeout(endpoint.apiCallTimeout()))
        .overrideConfiguration(override -> override
            .apiCallTimeout(endpoint.apiCallTimeout())
            .retryStrategy(retry -> retry.maxAttempts(MAX_ATTEMPTS)))
        .build();
  }

  @Override
  public ObjectListing list(ObjectUri prefix, String delimiter) {
    ListObjectsV2Request request = ListObjectsV2Request.builder()
        .bucket(prefix.bucket()).prefix(prefix.key()).delimiter(delimiter).build();
    List<ObjectInfo> objects = new ArrayList<>();
    List<ObjectUri> prefixes = new ArrayList<>();
    try {
      for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
        for (S3Object object : page.contents()) {
          objects.add(new ObjectInfo(new ObjectUri("s3", prefix.bucket(), object.key()),
              object.size(), millis(object.lastModified())));
        }
        for (CommonPrefix common : page.commonPrefixes()) {
          prefixes.add(new ObjectUri("s3", prefix.bucket(), common.prefix()));
        }
      }
    } catch (SdkException e) {
      throw S3Errors.map("list", prefix, e);
    }
    return new ObjectListing(objects, prefixes);
  }

  /** Some S3-compatible stores omit the time; 0 then stands for "unknown". */
  private static long millis(Instant time) {
    return time == null ? 0 : time.toEpochMilli();
  }

  @Override
  public Optional<ObjectInfo> stat(ObjectUri uri) {
    try {
      HeadObjectResponse head = client.headObject(request -> request.bucket(uri.bucket())
          .key(uri.key()));
      return Optional.of(new ObjectInfo(uri, head.contentLength(),
          millis(head.lastModified())));
    } catch (SdkException e) {
      if (S3Errors.isMissing(e)) {
        return Optional.empty();
      }
      throw S3Errors.map("read", uri, e);
    }
  }

  @Override
  public byte[] read(ObjectUri uri, long offset, int length) {
    if (length == 0) {
      // "bytes=n-(n-1)" is not a range S3 honours; it would send the whole object.
      if (stat(uri).isEmpty()) {
        throw new StorageException("58P01", "Cannot read '" + uri + "': the object does not exist");
      }
      return new byte[0];
    }
    String range = "bytes=" + offset + "-" + (offset + length - 1);
    try {
      return client.getObjectAsBytes(request -> request.bucket(uri.bucket()).key(uri.key())
          .range(range)).asByteArray();
    } catch (SdkException e) {
      if (S3Errors.code(e).equals("InvalidRange") || S3Errors.status(e) == 416) {
        // The range starts at or past the end (or the object is empty): there are no bytes.
        return new byte[0];
      }
      throw S3Errors.map("read", uri, e);
    }
  }

  @Override
  public InputStream open(ObjectUri uri) {
    try {
      return new ObjectStream(client.getObject(request -> request.bucket(uri.bucket())
          .key(uri.key())));
    } catch (SdkException e) {
      throw S3Errors.map("read", uri, e);
    }
  }

  @Override
  public AbortableOutput create(ObjectUri uri) {
    return new S3Output(client, uri, limits);
  }

  @Override
  public void delete(ObjectUri uri) {
    try {
      client.deleteObject(request -> request.bucket(uri.bucket()).key(uri.key()));
    } catch (SdkException e) {
      if (!S3Errors.code(e).equals("NoSuchKey")) {
        throw S3Errors.map("delete", uri, e);
      }
    }
  }

  @Override
  public boolean bucketExists(String bucket) {
    try {
      client.headBucket(request -> request.bucket(bucket));
      return true;
    } catch (SdkException e) {
      if (S3Errors.isMissing(e)) {
        return false;
      }
      throw S3Errors.map("read", new ObjectUri("s3", bucket, ""), e);
    }
  }

  @Override
  public void close() {
    client.close();
    // The client leaves the provider it was given open; the default chain may hold a refresher.
    if (credentials instanceof SdkAutoCloseable closeable) {
      closeable.close();
    }
  }

  /**
   * An object's body that, closed before its end, aborts the connection instead of draining the
   * rest of the object (which for a large object means reading it all).
   */
  private static final class ObjectStream extends FilterInputStream {
    private final ResponseInputStream<GetObjectResponse> response;
    private boolean ended;

    ObjectStream(ResponseInputStream<GetObjectResponse> response) {
      super(response);
      this.response = response;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      ended |= b < 0;
      return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int read = super.read(bytes, offset, length);
      ended |= read < 0;
      return read;
    }

    @Override
    public void close() throws IOException {
      if (!ended) {
        response.abort();
      }
      super.close();
    }
  }
}
