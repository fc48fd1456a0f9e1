package io.basalt.server.iceberg;

import com.fasterxml.jackson.core.JacksonException;
import io.basalt.storage.StorageException;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.exceptions.UnprocessableEntityException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.rest.responses.ErrorResponse;

/**
 * Exceptions as the REST spec's {@code ErrorResponse}: the HTTP code that makes Iceberg's client
 * raise the same exception again (its error handlers pick the exception by code, and tell a
 * missing namespace from a missing table by {@code type}), the exception's simple class name as
 * the type, and its message. No stack trace: the caller is another process.
 */
final class RestErrors {
  private RestErrors() {}

  /** The response for a request no route serves. */
  static ErrorResponse noRoute(String method, String path) {
    return ErrorResponse.builder().responseCode(400)
        .withType(BadRequestException.class.getSimpleName())
        .withMessage("Cannot serve " + method + " " + path
            + ": Basalt's Iceberg REST catalog has no such route")
        .build();
  }

  /** The response for a failed request. */
  static ErrorResponse of(Throwable error) {
    Throwable cause = asIceberg(error);
    return ErrorResponse.builder().responseCode(code(cause))
        .withType(cause.getClass().getSimpleName())
        .withMessage(cause.getMessage() == null ? cause.toString() : cause.getMessage())
        .build();
  }

  /** Whether the failure is one a client causes (the log need not show its stack). */
  static boolean expected(Throwable error) {
    return code(asIceberg(error)) < 500;
  }

  /** A body that is not JSON is the client's mistake, as Iceberg's own parsers would say. */
  private static Throwable asIceberg(Throwable error) {
    return error instanceof JacksonException ? new BadRequestException(
        "Cannot parse the request body: %s", error.getMessage()) : error;
  }

  /** 500 for anything unexpected, which the caller also logs. */
  private static int code(Throwable error) {
    if (error instanceof NoSuchNamespaceException || error instanceof NoSuchTableException
        || error instanceof NotFoundException) {
      return 404;
    }
    if (error instanceof AlreadyExistsException || error instanceof CommitFailedException
        || error instanceof NamespaceNotEmptyException) {
      return 409;
    }
    if (error instanceof IllegalArgumentException || error instanceof ValidationException
        || error instanceof BadRequestException) {
      return 400;
    }
    if (error instanceof NotAuthorizedException) {
      return 401;
    }
    if (error instanceof ForbiddenException) {
      return 403;
    }
    if (error instanceof UnsupportedOperationException) {
      return 406;
    }
    if (error instanceof UnprocessableEntityException) {
      return 422;
    }
    if (error instanceof StorageException storage) {
      return storageCode(storage.sqlState());
    }
    // A CommitStateUnknownException is 500 on purpose: the client then treats its commit as
    // possibly applied instead of retrying it.
    return 500;
  }

  /**
   * A failure of the object store: wrong credentials are 403; a missing bucket or object, or a
   * bad value, is the request's fault (400); an I/O failure is the server's (500).
   */
  private static int storageCode(String sqlState) {
    if (sqlState.equals("28000")) {
      return 403;
    }
    if (sqlState.equals("58P01") || sqlState.startsWith("22") || sqlState.startsWith("42")) {
      return 400;
    }
    return 500;
  }
}
