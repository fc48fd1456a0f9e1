import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Runs one query and prints its first value: a client the disconnect test kills mid-query. */
public class LongQuery {
  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(args[3])) {
      rows.next();
      System.out.println(rows.getObject(1));
    }
  }
}
