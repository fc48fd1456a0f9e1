package io.basalt.federation.iceberg;

import io.basalt.storage.StorageException;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;

/**
 * Athena's PARTITIONED BY of an Iceberg table as an Iceberg partition spec: a column name
 * (identity), {@code year|month|day|hour(col)}, {@code bucket(n, col)} and
 * {@code truncate(width, col)}. Errors are 42601 naming the table and the transform.
 */
final class PartitionTransforms {
  private PartitionTransforms() {}

  static PartitionSpec spec(Schema schema, List<SqlNode> transforms, String table) {
    PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
    for (SqlNode transform : transforms) {
      add(builder, schema, transform, table);
    }
    try {
      return builder.build();
    } catch (org.apache.iceberg.exceptions.ValidationException e) {
      // Iceberg checks each transform against its column's type when the spec is built.
      List<String> written = transforms.stream().map(PartitionTransforms::describe).toList();
      throw new StorageException("42601", "Cannot partition Iceberg table '" + table + "' by ("
          + String.join(", ", written) + "): " + e.getMessage(), e);
    }
  }

  private static void add(PartitionSpec.Builder builder, Schema schema, SqlNode transform,
      String table) {
    try {
      addTransform(builder, schema, transform, table);
    } catch (IllegalArgumentException | UnsupportedOperationException
        | org.apache.iceberg.exceptions.ValidationException e) {
      // Iceberg checks the transform against the column's type as it is added.
      throw new StorageException("42601", "Cannot partition Iceberg table '" + table + "' by "
          + describe(transform) + ": " + e.getMessage(), e);
    }
  }

  private static void addTransform(PartitionSpec.Builder builder, Schema schema,
      SqlNode transform, String table) {
    String action = "Cannot partition Iceberg table '" + table + "' by " + describe(transform)
        + ": ";
    if (transform instanceof SqlIdentifier id && id.isSimple()) {
      builder.identity(column(schema, id.getSimple(), action));
      return;
    }
    if (!(transform instanceof SqlCall call)) {
      throw new StorageException("42601", action + "expected a column or a transform");
    }
    String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
    List<SqlNode> operands = call.getOperandList();
    switch (name) {
      case "year", "years" -> builder.year(onlyColumn(schema, operands, action));
      case "month", "months" -> builder.month(onlyColumn(schema, operands, action));
      case "day", "days" -> builder.day(onlyColumn(schema, operands, action));
      case "hour", "hours" -> builder.hour(onlyColumn(schema, operands, action));
      case "bucket" -> builder.bucket(secondColumn(schema, operands, action),
          count(operands, action));
      case "truncate" -> builder.truncate(secondColumn(schema, operands, action),
          count(operands, action));
      default -> throw new StorageException("42601", action + "unknown transform '" + name
          + "' (expected year, month, day, hour, bucket or truncate)");
    }
  }

  private static String onlyColumn(Schema schema, List<SqlNode> operands, String action) {
    if (operands.size() != 1 || !(operands.get(0) instanceof SqlIdentifier id)) {
      throw new StorageException("42601", action + "expected one column argument");
    }
    return column(schema, id.getSimple(), action);
  }

  private static String secondColumn(Schema schema, List<SqlNode> operands, String action) {
    if (operands.size() != 2 || !(operands.get(1) instanceof SqlIdentifier id)) {
      throw new StorageException("42601", action + "expected (number, column)");
    }
    return column(schema, id.getSimple(), action);
  }

  private static int count(List<SqlNode> operands, String action) {
    if (!(operands.get(0) instanceof SqlNumericLiteral number) || !number.isInteger()
        || number.intValue(false) < 1) {
      throw new StorageException("42601", action + "the first argument must be a positive "
          + "integer");
    }
    return ((SqlLiteral) number).intValue(true);
  }

  private static String column(Schema schema, String name, String action) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (schema.findField(lower) == null) {
      throw new StorageException("42703", action + "the table has no column '" + lower + "'");
    }
    return lower;
  }

  /** A transform as written, in lower case: {@code bucket(16, id)}. */
  static String describe(SqlNode transform) {
    if (transform instanceof SqlIdentifier id) {
      return String.join(".", id.names).toLowerCase(Locale.ROOT);
    } else if (transform instanceof SqlLiteral literal) {
      return literal.toValue();
    } else if (transform instanceof SqlCall call) {
      StringBuilder text = new StringBuilder(
          call.getOperator().getName().toLowerCase(Locale.ROOT))
          .append('(');
      for (int i = 0; i < call.getOperandList().size(); i++) {
        text.append(i == 0 ? "" : ", ").append(describe(call.getOperandList().get(i)));
      }
      return text.append(')').toString();
    }
    return transform.toString();
  }

  /** One transform as an Iceberg term, for partition evolution of an existing table. */
  static org.apache.iceberg.expressions.Term term(SqlNode transform, Schema schema,
      String table) {
    String action = "Cannot partition Iceberg table '" + table + "' by " + describe(transform)
        + ": ";
    if (transform instanceof SqlIdentifier id && id.isSimple()) {
      return org.apache.iceberg.expressions.Expressions.ref(column(schema, id.getSimple(),
          action));
    }
    if (!(transform instanceof SqlCall call)) {
      throw new StorageException("42601", action + "expected a column or a transform");
    }
    List<SqlNode> operands = call.getOperandList();
    return switch (call.getOperator().getName().toLowerCase(Locale.ROOT)) {
      case "year", "years" -> org.apache.iceberg.expressions.Expressions.year(
          onlyColumn(schema, operands, action));
      case "month", "months" -> org.apache.iceberg.expressions.Expressions.month(
          onlyColumn(schema, operands, action));
      case "day", "days" -> org.apache.iceberg.expressions.Expressions.day(
          onlyColumn(schema, operands, action));
      case "hour", "hours" -> org.apache.iceberg.expressions.Expressions.hour(
          onlyColumn(schema, operands, action));
      case "bucket" -> org.apache.iceberg.expressions.Expressions.bucket(
          secondColumn(schema, operands, action), count(operands, action));
      case "truncate" -> org.apache.iceberg.expressions.Expressions.truncate(
          secondColumn(schema, operands, action), count(operands, action));
      default -> throw new StorageException("42601", action + "unknown transform (expected "
          + "year, month, day, hour, bucket or truncate)");
    };
  }
}
