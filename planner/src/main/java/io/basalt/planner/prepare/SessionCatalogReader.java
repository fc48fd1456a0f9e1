package io.basalt.planner.prepare;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.prepare.CalciteCatalogReader;

/**
 * A catalog reader that looks up unqualified names in the session's temp schema first, then in
 * its default schema, then at the root (system tables), as Redshift's search path does.
 */
final class SessionCatalogReader extends CalciteCatalogReader {
  private SessionCatalogReader(CalciteCatalogReader reader, List<List<String>> schemaPaths) {
    super(reader.getRootSchema(), reader.nameMatcher(), schemaPaths, reader.getTypeFactory(),
        reader.getConfig());
  }

  /** The reader with {@code tempSchema} searched first, if the session has created it. */
  static CalciteCatalogReader withTempSchema(CalciteCatalogReader reader, String tempSchema) {
    if (tempSchema == null
        || reader.getRootSchema().getSubSchema(tempSchema, true) == null) {
      return reader;
    }
    List<List<String>> paths = new ArrayList<>();
    paths.add(List.of(tempSchema));
    paths.addAll(reader.getSchemaPaths());
    return new SessionCatalogReader(reader, paths);
  }
}
