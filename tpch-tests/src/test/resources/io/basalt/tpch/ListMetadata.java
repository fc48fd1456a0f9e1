import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;

/**
 * Lists schemas, tables and columns through DatabaseMetaData; run as a single source file by
 * TestShadedDriverAlone with nothing but the shaded Basalt driver jar on the class path.
 *
 * <p>Arguments: JDBC URL, user, password and a schema name pattern for tables and columns.
 */
public class ListMetadata {
  public static void main(String[] args) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", args[1]);
    properties.setProperty("password", args[2]);
    String schemaPattern = args.length > 3 ? args[3] : "%";
    try (Connection connection = DriverManager.getConnection(args[0], properties)) {
      DatabaseMetaData metaData = connection.getMetaData();
      System.out.println("driver " + metaData.getDriverName() + " " + metaData.getDriverVersion());
      System.out.println(
          "product " + metaData.getDatabaseProductName() + " "
              + metaData.getDatabaseProductVersion());
      try (ResultSet schemas = metaData.getSchemas()) {
        while (schemas.next()) {
          System.out.println("schema " + schemas.getString("TABLE_SCHEM"));
        }
      }
      try (ResultSet tables = metaData.getTables(null, schemaPattern, "%", null)) {
        while (tables.next()) {
          System.out.println(
              "table " + tables.getString("TABLE_SCHEM") + "." + tables.getString("TABLE_NAME")
                  + " " + tables.getString("TABLE_TYPE"));
        }
      }
      try (ResultSet columns = metaData.getColumns(null, schemaPattern, "%", "%")) {
        while (columns.next()) {
          System.out.println(
              "column " + columns.getString("TABLE_SCHEM") + "." + columns.getString("TABLE_NAME")
                  + "." + columns.getString("COLUMN_NAME") + " " + columns.getString("TYPE_NAME"));
        }
      }
    }
  }
}
