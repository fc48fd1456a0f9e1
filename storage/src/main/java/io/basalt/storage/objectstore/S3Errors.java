package io.basalt.storage.objectstore;

import io.basalt.storage.StorageException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns AWS SDK failures into the StorageExceptions of {@link ObjectStore}'s contract: a missing
 * bucket or object is 58P01, a denied request 28000, anything else (an unreachable endpoint, a
 * timeout, a server error) 58030; the message names the URI.
 */
final class S3Errors {
  private static final Set<String> DENIED = Set.of("AccessDenied", "InvalidAccessKeyId",
      "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "AllAccessDisabled");

  private S3Errors() {}

  /** The S3 error code ("NoSuchKey"), or empty when the response had no body (HEAD). */
  static String code(SdkException e) {
    if (e instanceof AwsServiceException service) {
      AwsErrorDetails details = service.awsErrorDetails();
      return details == null || details.errorCode() == null ? "" : details.errorCode();
    }
    return "";
  }

  static int status(SdkException e) {
    return e instanceof AwsServiceException service ? service.statusCode() : 0;
  }

  /** Whether the call found nothing: no such bucket, key or upload. */
  static boolean isMissing(SdkException e) {
    String code = code(e);
    return code.equals("NoSuchBucket") || code.equals("NoSuchKey") || status(e) == 404;
  }

  /** {@code action} is the verb of "Cannot <action> '<uri>'": list, read, write, delete. */
  static StorageException map(String action, ObjectUri uri, SdkException e) {
    String prefix = "Cannot " + action + " '" + uri + "': ";
    String code = code(e);
    if (code.equals("NoSuchBucket")) {
      return new StorageException("58P01",
          prefix + "bucket '" + uri.bucket() + "' does not exist", e);
    }
    if (isMissing(e)) {
      return new StorageException("58P01", prefix + "the object does not exist", e);
    }
    if (DENIED.contains(code) || status(e) == 403) {
      return new StorageException("28000", prefix + "access denied ("
          + (code.isEmpty() ? "HTTP 403" : code) + ": " + reason(e) + ")", e);
    }
    return new StorageException("58030",
        prefix + (code.isEmpty() ? "" : code + ": ") + reason(e), e);
  }

  private static String reason(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorMessage() != null) {
      return service.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }
}
