package io.basalt.planner.ddl;

import io.basalt.planner.catalog.CatalogServices;
import io.basalt.planner.catalog.TableLocks;
import io.basalt.planner.catalog.TypeMapping;
import io.basalt.planner.sql.SqlBasaltColumn;
import io.basalt.planner.sql.SqlCreateBasaltTable;
import io.basalt.planner.sql.SqlCreateBasaltView;
import io.basalt.planner.sql.SqlDropBasaltTable;
import org.apache.calcite.sql.ddl.SqlTruncateTable;
import io.basalt.planner.sql.SqlVacuum;
import io.basalt.planner.sql.TableAttributes;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.DistStyle;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.ViewDefinition;
import io.basalt.storage.WriteMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlDropView;

/** CREATE / DROP / TRUNCATE of tables and views, CREATE TABLE AS, and VACUUM. */
final class TableStatements {
  private final CatalogServices services;
  private final StorageEngine storage;
  private final Names names;
  private final QueryRunner queries;

  TableStatements(CatalogServices services, Names names, QueryRunner queries) {
    this.services = services;
    this.storage = services.storage();
    this.names = names;
    this.queries = queries;
  }

  long create(SqlCreateBasaltTable create, DataContext dataContext) {
    Names.Qualified name = names.qualifyNew(create.name, create.temporary);
    if (!create.lake.isEmpty()) {
      // An external catalog takes the CREATE TABLE of an Iceberg table in an external schema.
      throw new io.basalt.storage.StorageException("0A000", "Cannot create table \"" + name
          + "\": PARTITIONED BY, LOCATION and TBLPROPERTIES make an Iceberg table, which lives "
          + "in an external schema (CREATE EXTERNAL SCHEMA ... FROM DATA CATALOG)");
    }
    if (create.ifNotExists && (storage.table(name.schema(), name.name()).isPresent()
        || storage.view(name.schema(), name.name()).isPresent())) {
      return 0;
    }
    if (create.query != null) {
      return createAs(create, name, dataContext);
    }
    List<ColumnDefinition> columns;
    TableAttributes attributes = create.attributes;
    if (create.likeTable != null) {
      Names.Qualified like = names.qualify(create.likeTable);
      TableDefinition source = storage.table(like.schema(), like.name()).orElseThrow(() ->
          new StorageException("42P01", "Cannot create table \"" + name + "\" LIKE \"" + like
              + "\": relation \"" + like + "\" does not exist"));
      columns = source.columns();
      if (attributes.equals(TableAttributes.NONE)) {
        // Redshift's LIKE inherits distribution and sort keys unless new ones are given.
        TableDefinition table = layout(name, columns, null, create.temporary)
            .withLayoutOf(source);
        storage.createTable(table, create.ifNotExists);
        return 0;
      }
    } else {
      columns = new ArrayList<>();
      for (SqlNode item : create.columnList) {
        SqlBasaltColumn column = (SqlBasaltColumn) item;
        RelDataType type = queries.deriveType(column.dataType);
        String columnName = column.name.getSimple();
        columns.add(new ColumnDefinition(columnName,
            TypeMapping.toColumnType(type, columnName), column.nullable, column.encoding));
      }
    }
    storage.createTable(layout(name, columns, attributes, create.temporary).table(),
        create.ifNotExists);
    return 0;
  }

  private long createAs(SqlCreateBasaltTable create, Names.Qualified name,
      DataContext dataContext) {
    QueryRunner.Planned query = queries.plan(Sql.unparse(create.query));
    List<String> declared = new ArrayList<>();
    for (SqlNode item : create.columnList) {
      declared.add(item instanceof SqlIdentifier id ? id.getSimple()
          : ((SqlBasaltColumn) item).name.getSimple());
    }
    List<RelDataTypeField> fields = query.rowType().getFieldList();
    if (!declared.isEmpty() && declared.size() != fields.size()) {
      throw new StorageException("42601", "Cannot create table \"" + name + "\": "
          + declared.size() + " column names given for a query of " + fields.size() + " columns");
    }
    List<ColumnDefinition> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      String columnName = declared.isEmpty() ? columnName(fields.get(i).getName(), i)
          : declared.get(i);
      if (!seen.add(columnName)) {
        throw new StorageException("42701", "Cannot create table \"" + name
            + "\": column \"" + columnName + "\" specified more than once");
      }
      columns.add(new ColumnDefinition(columnName,
          TypeMapping.toColumnType(fields.get(i).getType(), columnName), true, null));
    }
    TableDefinition table = layout(name, columns, create.attributes, create.temporary).table();
    try (RoutedWriter writer =
        new RoutedWriter(storage.newTableWriter(table), table, services.slices())) {
      long rows = query.forEachRow(dataContext, writer::append);
      writer.commit();
      return rows;
    }
  }

  /** Redshift names an unnamed expression column "?column?"; keep Calcite's names otherwise. */
  private static String columnName(String name, int index) {
    return name.startsWith("EXPR$") ? "column" + (index + 1) : name.toLowerCase(Locale.ROOT);
  }

  private Layout layout(Names.Qualified name, List<ColumnDefinition> columns,
      TableAttributes attributes, boolean temporary) {
    return new Layout(name, columns, attributes == null ? TableAttributes.NONE : attributes,
        temporary);
  }

  /** Turns parsed table attributes into a checked table definition. */
  private record Layout(Names.Qualified name, List<ColumnDefinition> columns,
      TableAttributes attributes, boolean temporary) {

    TableDefinition table() {
      String distKey = attributes.distKey();
      DistStyle style = attributes.distStyle() == null
          ? (distKey != null ? DistStyle.KEY : DistStyle.AUTO)
          : DistStyle.valueOf(attributes.distStyle().toUpperCase(Locale.ROOT));
      if (style == DistStyle.KEY && distKey == null) {
        throw new StorageException("42601", "Cannot create table \"" + name
            + "\": DISTSTYLE KEY needs a DISTKEY column");
      }
      if (distKey != null && style != DistStyle.KEY) {
        throw new StorageException("42601", "Cannot create table \"" + name
            + "\": DISTKEY is only valid with DISTSTYLE KEY, not " + style);
      }
      checkColumn(distKey, "DISTKEY");
      List<String> sortColumns = attributes.sortKeyColumns();
      sortColumns.forEach(c -> checkColumn(c, "SORTKEY"));
      SortKeyKind kind = sortColumns.isEmpty() ? SortKeyKind.NONE
          : "INTERLEAVED".equalsIgnoreCase(attributes.sortKeyKind())
              ? SortKeyKind.INTERLEAVED : SortKeyKind.COMPOUND;
      return new TableDefinition(0, name.schema(), name.name(), columns, style, distKey, kind,
          sortColumns, temporary);
    }

    TableDefinition withLayoutOf(TableDefinition source) {
      return new TableDefinition(0, name.schema(), name.name(), columns, source.distStyle(),
          source.distKey(), source.sortKeyKind(), source.sortKeyColumns(), temporary);
    }

    private void checkColumn(String column, String clause) {
      if (column != null && columns.stream().noneMatch(c -> c.name().equals(column))) {
        throw new StorageException("42703", "Cannot create table \"" + name + "\": " + clause
            + " column \"" + column + "\" does not exist");
      }
    }
  }

  long drop(SqlDropBasaltTable drop) {
    if (drop.purge) {
      throw new io.basalt.storage.StorageException("0A000", "Cannot drop table \""
          + names.qualify(drop.names.get(0)) + "\" with PURGE: PURGE is for Iceberg tables");
    }
    for (SqlIdentifier identifier : drop.names) {
      Names.Qualified name = names.qualify(identifier);
      storage.dropTable(name.schema(), name.name(), drop.ifExists);
    }
    return 0;
  }

  long truncate(SqlTruncateTable truncate) {
    Names.Qualified name = names.qualify(truncate.name);
    try (TableLocks.Held held = services.tableLocks().lock(name.schema(), name.name())) {
      storage.truncate(name.schema(), name.name());
    }
    return 0;
  }

  long createView(SqlCreateBasaltView create) {
    Names.Qualified name = names.qualify(create.name);
    QueryRunner.Validated view = queries.validate(create.query);
    List<String> columnNames = new ArrayList<>();
    if (create.columnList != null) {
      for (SqlNode column : create.columnList) {
        columnNames.add(((SqlIdentifier) column).getSimple());
      }
      if (columnNames.size() != view.rowType().getFieldCount()) {
        throw new StorageException("42601", "Cannot create view \"" + name + "\": "
            + columnNames.size() + " column names given for a query of "
            + view.rowType().getFieldCount() + " columns");
      }
    }
    storage.createView(new ViewDefinition(name.schema(), name.name(), view.sql(), columnNames),
        create.getReplace());
    return 0;
  }

  long dropView(SqlDropView drop) {
    Names.Qualified name = names.qualify(drop.name);
    storage.dropView(name.schema(), name.name(), drop.ifExists);
    return 0;
  }

  /** VACUUM sorts a table's rows by its sort key, merging the unsorted region. */
  long vacuum(SqlVacuum vacuum) {
    List<TableDefinition> tables = new ArrayList<>();
    if (vacuum.table == null) {
      for (String schema : storage.schemaNames()) {
        tables.addAll(storage.tables(schema));
      }
    } else {
      Names.Qualified name = names.qualify(vacuum.table);
      tables.add(storage.table(name.schema(), name.name()).orElseThrow(() ->
          new StorageException("42P01", "Cannot vacuum \"" + name + "\": relation does not exist")));
    }
    for (TableDefinition table : tables) {
      try (TableLocks.Held held = services.tableLocks().lock(table.schema(), table.name())) {
        storage.vacuum(table.schema(), table.name());
      }
    }
    return 0;
  }
}
