package io.basalt.server.iceberg;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.federation.iceberg.IcebergCatalog;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.CatalogHandlers;
import org.apache.iceberg.rest.RESTCatalogProperties;
import org.apache.iceberg.rest.RESTCatalogProperties.SnapshotMode;
import org.apache.iceberg.rest.RESTRequest;
import org.apache.iceberg.rest.RESTResponse;
import org.apache.iceberg.rest.RESTUtil;
import org.apache.iceberg.rest.requests.CommitTransactionRequest;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.RegisterTableRequest;
import org.apache.iceberg.rest.requests.RenameTableRequest;
import org.apache.iceberg.rest.requests.UpdateNamespacePropertiesRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;
import org.apache.iceberg.rest.responses.ConfigResponse;

/**
 * Turns a routed request into a call of Iceberg's {@link CatalogHandlers} on the server's
 * {@link JdbcCatalog}, which does the catalog's work (and its commit retries) exactly as Iceberg's
 * own REST servers do; this class only decodes the path and the body. Every call that may
 * change a table tells the {@link IcebergCatalog}, so that Basalt's cached plans of the table
 * are planned again.
 */
final class RestRouter {
  /** The spec's default separator of namespace levels in a path segment (%-encoded 0x1F). */
  private static final String SEPARATOR = RESTCatalogProperties.NAMESPACE_SEPARATOR_DEFAULT;

  private final IcebergCatalog iceberg;
  private final JdbcCatalog catalog;
  private final ObjectMapper json;
  private final ConfigResponse config;

  RestRouter(IcebergCatalog iceberg, ObjectMapper json, ConfigResponse config) {
    this.iceberg = requireNonNull(iceberg, "iceberg is null");
    this.catalog = iceberg.catalog();
    this.json = requireNonNull(json, "json is null");
    this.config = requireNonNull(config, "config is null");
  }

  /**
   * Serves one request: the response object to send as JSON, or null for 204 No Content.
   * {@code variables} are the route's path variables, still %-encoded; {@code query} the
   * decoded query parameters.
   */
  RESTResponse handle(RestRoute route, Map<String, String> variables, Map<String, String> query,
      String body) throws JsonProcessingException {
    try {
      return dispatch(route, variables, query, body);
    } finally {
      // Also after a failure: a transaction may have committed some of its tables.
      if (route.changesTables()) {
        iceberg.changed();
      }
    }
  }

  private RESTResponse dispatch(RestRoute route, Map<String, String> variables,
      Map<String, String> query, String body) throws JsonProcessingException {
    switch (route) {
      case CONFIG:
        return config;
      case LIST_NAMESPACES: {
        String parent = query.get("parent");
        Namespace namespace = parent == null || parent.isEmpty() ? Namespace.empty()
            : RESTUtil.namespaceFromQueryParam(parent, SEPARATOR);
        String pageSize = query.get("pageSize");
        return pageSize == null ? CatalogHandlers.listNamespaces(catalog, namespace)
            : CatalogHandlers.listNamespaces(catalog, namespace, pageToken(query), pageSize);
      }
      case CREATE_NAMESPACE:
        return CatalogHandlers.createNamespace(catalog,
            read(body, CreateNamespaceRequest.class));
      case LOAD_NAMESPACE:
        return CatalogHandlers.loadNamespace(catalog, namespace(variables));
      case NAMESPACE_EXISTS:
        CatalogHandlers.namespaceExists(catalog, namespace(variables));
        return null;
      case DROP_NAMESPACE:
        CatalogHandlers.dropNamespace(catalog, namespace(variables));
        return null;
      case UPDATE_NAMESPACE:
        return CatalogHandlers.updateNamespaceProperties(catalog, namespace(variables),
            read(body, UpdateNamespacePropertiesRequest.class));
      case LIST_TABLES: {
        String pageSize = query.get("pageSize");
        return pageSize == null ? CatalogHandlers.listTables(catalog, namespace(variables))
            : CatalogHandlers.listTables(catalog, namespace(variables), pageToken(query),
                pageSize);
      }
      case CREATE_TABLE: {
        CreateTableRequest request = read(body, CreateTableRequest.class);
        // A staged create (CREATE TABLE AS SELECT) only returns the new metadata; the table
        // appears when the client commits it through UPDATE_TABLE.
        return request.stageCreate()
            ? CatalogHandlers.stageTableCreate(catalog, namespace(variables), request)
            : CatalogHandlers.createTable(catalog, namespace(variables), request);
      }
      case REGISTER_TABLE:
        return CatalogHandlers.registerTable(catalog, namespace(variables),
            read(body, RegisterTableRequest.class));
      case LOAD_TABLE:
        return CatalogHandlers.loadTable(catalog, table(variables), snapshots(query));
      case TABLE_EXISTS:
        CatalogHandlers.tableExists(catalog, table(variables));
        return null;
      case UPDATE_TABLE:
        return CatalogHandlers.updateTable(catalog, table(variables),
            read(body, UpdateTableRequest.class));
      case DROP_TABLE:
        if (Boolean.parseBoolean(query.get("purgeRequested"))) {
          CatalogHandlers.purgeTable(catalog, table(variables));
        } else {
          CatalogHandlers.dropTable(catalog, table(variables));
        }
        return null;
      case RENAME_TABLE:
        CatalogHandlers.renameTable(catalog, read(body, RenameTableRequest.class));
        return null;
      case COMMIT_TRANSACTION:
        RestTransactions.commit(catalog, read(body, CommitTransactionRequest.class));
        return null;
      default:
        throw new IllegalStateException("Cannot serve route " + route + ": no handler");
    }
  }

  private <T extends RESTRequest> T read(String body, Class<T> type)
      throws JsonProcessingException {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("Cannot read the request: it has no body");
    }
    T request = json.readValue(body, type);
    if (request == null) {
      throw new IllegalArgumentException("Cannot read the request: its body is null");
    }
    request.validate();
    return request;
  }

  private static Namespace namespace(Map<String, String> variables) {
    return RESTUtil.decodeNamespaceAsPathSegment(variables.get("namespace"), SEPARATOR);
  }

  private static TableIdentifier table(Map<String, String> variables) {
    return TableIdentifier.of(namespace(variables),
        RESTUtil.decodePathSegment(variables.get("table")));
  }

  /** The first page's token is empty; Iceberg's handlers count pages from it. */
  private static String pageToken(Map<String, String> query) {
    return query.getOrDefault("pageToken", "");
  }

  private static SnapshotMode snapshots(Map<String, String> query) {
    String mode = query.get(RESTCatalogProperties.SNAPSHOTS_QUERY_PARAMETER);
    if (mode == null || mode.isEmpty()) {
      return SnapshotMode.ALL;
    }
    try {
      return SnapshotMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Cannot load the table: snapshots must be 'all' or"
          + " 'refs', not '" + mode + "'", e);
    }
  }
}
