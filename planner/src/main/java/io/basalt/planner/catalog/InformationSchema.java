package io.basalt.planner.catalog;

import io.basalt.planner.source.SourceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The {@code information_schema} views BI tools read ({@code schemata}, {@code tables},
 * {@code columns}) over every schema of the database: native schemas and the external
 * catalog's alike, so external tables are listed with the table type {@code EXTERNAL TABLE}.
 */
final class InformationSchema extends AbstractSchema {
  static final String NAME = "information_schema";

  private final BasaltRootSchema root;

  InformationSchema(BasaltRootSchema root) {
    this.root = root;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return Map.of(
        "schemata", new ComputedTable(f -> f.builder()
            .add("catalog_name", SqlTypeName.VARCHAR, 128)
            .add("schema_name", SqlTypeName.VARCHAR, 128)
            .add("schema_owner", SqlTypeName.VARCHAR, 128)
            .build(), factory -> schemata()),
        "tables", new ComputedTable(f -> f.builder()
            .add("table_catalog", SqlTypeName.VARCHAR, 128)
            .add("table_schema", SqlTypeName.VARCHAR, 128)
            .add("table_name", SqlTypeName.VARCHAR, 128)
            .add("table_type", SqlTypeName.VARCHAR, 32)
            .build(), factory -> tableRows()),
        "columns", new ComputedTable(f -> f.builder()
            .add("table_catalog", SqlTypeName.VARCHAR, 128)
            .add("table_schema", SqlTypeName.VARCHAR, 128)
            .add("table_name", SqlTypeName.VARCHAR, 128)
            .add("column_name", SqlTypeName.VARCHAR, 128)
            .add("ordinal_position", SqlTypeName.INTEGER)
            .add("is_nullable", SqlTypeName.VARCHAR, 3)
            .add("data_type", SqlTypeName.VARCHAR, 128)
            .add("character_maximum_length", SqlTypeName.INTEGER).nullable(true)
            .add("numeric_precision", SqlTypeName.INTEGER).nullable(true)
            .add("numeric_scale", SqlTypeName.INTEGER).nullable(true)
            .build(), this::columns));
  }

  /** The user-visible schemas: every schema but pg_catalog and this one. */
  private List<String> schemaNames() {
    List<String> names = new ArrayList<>();
    for (String name : root.subSchemas().getNames(LikePattern.any())) {
      if (!name.equals(BasaltRootSchema.PG_CATALOG) && !name.equals(NAME)) {
        names.add(name);
      }
    }
    names.sort(null);
    return names;
  }

  private List<Object[]> schemata() {
    List<Object[]> rows = new ArrayList<>();
    for (String name : schemaNames()) {
      rows.add(new Object[] {"dev", name, "admin"});
    }
    return rows;
  }

  private interface TableVisitor {
    void visit(String schema, String name, Table table);
  }

  private void forEachTable(TableVisitor visitor) {
    for (String schemaName : schemaNames()) {
      Schema schema = root.subSchemas().get(schemaName);
      if (schema == null) {
        continue;
      }
      List<String> names = new ArrayList<>(schema.tables().getNames(LikePattern.any()));
      names.sort(null);
      for (String name : names) {
        Table table = schema.tables().get(name);
        if (table != null) {
          visitor.visit(schemaName, name, table);
        }
      }
    }
  }

  private List<Object[]> tableRows() {
    List<Object[]> rows = new ArrayList<>();
    forEachTable((schema, name, table) -> rows.add(new Object[] {"dev", schema, name,
        typeOf(table)}));
    return rows;
  }

  private static String typeOf(Table table) {
    if (table instanceof NativeView) {
      return "VIEW";
    }
    return table instanceof NativeTable || !(table instanceof SourceTable)
        ? "BASE TABLE" : "EXTERNAL TABLE";
  }

  private List<Object[]> columns(RelDataTypeFactory factory) {
    List<Object[]> rows = new ArrayList<>();
    forEachTable((schema, name, table) -> {
      RelDataType rowType;
      try {
        rowType = table.getRowType(factory);
      } catch (RuntimeException broken) {
        return; // A view whose tables are gone lists no columns, as in PostgreSQL.
      }
      for (RelDataTypeField field : rowType.getFieldList()) {
        RelDataType type = field.getType();
        SqlTypeName typeName = type.getSqlTypeName();
        boolean character = typeName == SqlTypeName.CHAR || typeName == SqlTypeName.VARCHAR;
        boolean numeric = SqlTypeName.NUMERIC_TYPES.contains(typeName);
        rows.add(new Object[] {"dev", schema, name, field.getName(), field.getIndex() + 1,
            type.isNullable() ? "YES" : "NO", dataType(typeName),
            character ? Integer.valueOf(type.getPrecision()) : null,
            numeric ? Integer.valueOf(type.getPrecision()) : null, scale(typeName, type)});
      }
    });
    return rows;
  }

  private static Integer scale(SqlTypeName typeName, RelDataType type) {
    if (typeName == SqlTypeName.DECIMAL) {
      return type.getScale();
    }
    return SqlTypeName.NUMERIC_TYPES.contains(typeName) ? 0 : null;
  }

  /** PostgreSQL's names for the types, as information_schema.columns.data_type shows them. */
  private static String dataType(SqlTypeName type) {
    return switch (type) {
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case DECIMAL -> "numeric";
      case REAL, FLOAT -> "real";
      case DOUBLE -> "double precision";
      case BOOLEAN -> "boolean";
      case CHAR -> "character";
      case VARCHAR -> "character varying";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp without time zone";
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "timestamp with time zone";
      default -> type.getName().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
