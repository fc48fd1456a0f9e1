package io.basalt.server.iceberg;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.rest.Endpoint;

/**
 * The routes of the Iceberg REST catalog that Basalt serves, each the spec's endpoint (method
 * and path) without the optional {@code {prefix}} segment, which Basalt never configures. The
 * endpoints are also what {@code GET /v1/config} advertises, so a client calls no other route.
 */
enum RestRoute {
  CONFIG(Endpoint.create("GET", "/v1/config"), false),
  LIST_NAMESPACES(Endpoint.V1_LIST_NAMESPACES, false),
  CREATE_NAMESPACE(Endpoint.V1_CREATE_NAMESPACE, true),
  LOAD_NAMESPACE(Endpoint.V1_LOAD_NAMESPACE, false),
  NAMESPACE_EXISTS(Endpoint.V1_NAMESPACE_EXISTS, false),
  DROP_NAMESPACE(Endpoint.V1_DELETE_NAMESPACE, true),
  UPDATE_NAMESPACE(Endpoint.V1_UPDATE_NAMESPACE, true),
  LIST_TABLES(Endpoint.V1_LIST_TABLES, false),
  CREATE_TABLE(Endpoint.V1_CREATE_TABLE, true),
  REGISTER_TABLE(Endpoint.V1_REGISTER_TABLE, true),
  LOAD_TABLE(Endpoint.V1_LOAD_TABLE, false),
  TABLE_EXISTS(Endpoint.V1_TABLE_EXISTS, false),
  UPDATE_TABLE(Endpoint.V1_UPDATE_TABLE, true),
  DROP_TABLE(Endpoint.V1_DELETE_TABLE, true),
  RENAME_TABLE(Endpoint.V1_RENAME_TABLE, true),
  COMMIT_TRANSACTION(Endpoint.V1_COMMIT_TRANSACTION, true);

  private static final String PREFIX_SEGMENT = "{prefix}";

  private final Endpoint endpoint;
  private final boolean changesTables;
  private final List<String> segments;

  RestRoute(Endpoint endpoint, boolean changesTables) {
    this.endpoint = endpoint;
    this.changesTables = changesTables;
    this.segments = List.of(endpoint.path().substring(1).split("/")).stream()
        .filter(segment -> !segment.equals(PREFIX_SEGMENT))
        .toList();
  }

  /** A route and the path variables ({@code namespace}, {@code table}) still %-encoded. */
  record Match(RestRoute route, Map<String, String> variables) {}

  Endpoint endpoint() {
    return endpoint;
  }

  /**
   * Whether a call may change a table's definition (or the set of tables), so that
   * Basalt's plans prepared before must be planned again. Namespace changes count too: they are
   * rare, and a stale plan costs more than a replan.
   */
  boolean changesTables() {
    return changesTables;
  }

  /** The route of a request, given its method and its raw path's segments. */
  static Optional<Match> match(String method, List<String> path) {
    for (RestRoute route : values()) {
      Map<String, String> variables = route.bind(method, path);
      if (variables != null) {
        return Optional.of(new Match(route, variables));
      }
    }
    return Optional.empty();
  }

  private Map<String, String> bind(String method, List<String> path) {
    if (!endpoint.httpMethod().equalsIgnoreCase(method) || path.size() != segments.size()) {
      return null;
    }
    Map<String, String> variables = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (segment.startsWith("{") && segment.endsWith("}")) {
        variables.put(segment.substring(1, segment.length() - 1), path.get(i));
      } else if (!segment.equals(path.get(i))) {
        return null;
      }
    }
    return variables;
  }
}
