package io.basalt.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.sql.SqlSettings;
import io.basalt.storage.StorageException;
import io.basalt.storage.ViewDefinition;
import java.util.List;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * A view: its stored SELECT is validated again whenever its row type is needed (so a view sees
 * later changes to its tables, as a late-binding Redshift view does) and expanded in place.
 */
final class NativeView extends AbstractTable implements TranslatableTable {
  private final CatalogServices services;
  private final ViewDefinition view;

  NativeView(CatalogServices services, ViewDefinition view) {
    this.services = requireNonNull(services, "services is null");
    this.view = requireNonNull(view, "view is null");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    // Basalt's own validator, as queries have: it pins tables read at an old version to that
    // version's columns, which a view's query must see too.
    CalciteSchema root = CalciteSchema.createRootSchema(false, false, "",
        new BasaltRootSchema(services));
    List<String> path = root.getSubSchema(view.schema(), false) == null ? List.of()
        : List.of(view.schema());
    try {
      SqlNode parsed = SqlParser.create(view.sql(), SqlSettings.parserConfig()).parseQuery();
      CalciteCatalogReader catalogReader = new CalciteCatalogReader(root, path, typeFactory,
          new CalciteConnectionConfigImpl(SqlSettings.connectionProperties(view.schema())));
      SqlValidator validator = SqlSettings.newValidator(catalogReader, typeFactory, c -> c);
      RelDataType type = validator.getValidatedNodeType(validator.validate(parsed));
      RelDataType renamed = view.columnNames().isEmpty() ? type
          : typeFactory.createStructType(
              type.getFieldList().stream().map(f -> f.getType()).toList(), view.columnNames());
      return typeFactory.copyType(renamed);
    } catch (Exception e) {
      throw new StorageException("42P01", "Cannot use view \"" + view.schema() + "."
          + view.name() + "\": " + e.getMessage(), e);
    }
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.VIEW;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelNode expanded = context.expandView(relOptTable.getRowType(), view.sql(),
        List.of(view.schema()), List.of(view.schema(), view.name())).rel;
    return RelOptUtil.createCastRel(expanded, relOptTable.getRowType(), true);
  }
}
