package io.basalt.federation.datacatalog;

import static io.basalt.federation.datacatalog.CatalogTypes.toCatalogType;
import static io.basalt.federation.datacatalog.CatalogTypes.toColumnType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCatalogTypes {
  @Test
  void integerTypes() {
    for (String type : List.of("tinyint", "smallint", "int2")) {
      assertThat(toColumnType(type, "c")).isEqualTo(ColumnType.of(TypeName.SMALLINT));
    }
    for (String type : List.of("int", "integer", "int4", "INT", " Integer ")) {
      assertThat(toColumnType(type, "c")).isEqualTo(ColumnType.of(TypeName.INTEGER));
    }
    for (String type : List.of("bigint", "int8", "BIGINT")) {
      assertThat(toColumnType(type, "c")).isEqualTo(ColumnType.of(TypeName.BIGINT));
    }
  }

  @Test
  void floatingPointTypes() {
    for (String type : List.of("float", "real", "float4")) {
      assertThat(toColumnType(type, "c")).isEqualTo(ColumnType.of(TypeName.REAL));
    }
    for (String type : List.of("double", "double precision", "DOUBLE  PRECISION", "float8")) {
      assertThat(toColumnType(type, "c")).isEqualTo(ColumnType.of(TypeName.DOUBLE));
    }
  }

  @Test
  void decimalTypes() {
    assertThat(toColumnType("decimal(12,2)", "c")).isEqualTo(ColumnType.decimal(12, 2));
    assertThat(toColumnType("numeric( 12 , 2 )", "c")).isEqualTo(ColumnType.decimal(12, 2));
    assertThat(toColumnType("decimal(7)", "c")).isEqualTo(ColumnType.decimal(7, 0));
    assertThat(toColumnType("decimal", "c")).isEqualTo(ColumnType.decimal(10, 0));
    assertThat(toColumnType("numeric", "c")).isEqualTo(ColumnType.decimal(10, 0));
    assertThat(toColumnType("decimal(38,38)", "c")).isEqualTo(ColumnType.decimal(38, 38));
  }

  @Test
  void characterTypes() {
    assertThat(toColumnType("string", "c")).isEqualTo(ColumnType.varchar(65535));
    assertThat(toColumnType("varchar(20)", "c")).isEqualTo(ColumnType.varchar(20));
    assertThat(toColumnType("character varying(20)", "c")).isEqualTo(ColumnType.varchar(20));
    assertThat(toColumnType("VARCHAR", "c")).isEqualTo(ColumnType.varchar(256));
    assertThat(toColumnType("text", "c")).isEqualTo(ColumnType.varchar(256));
    assertThat(toColumnType("char(3)", "c")).isEqualTo(ColumnType.character(3));
    assertThat(toColumnType("character(3)", "c")).isEqualTo(ColumnType.character(3));
    assertThat(toColumnType("char", "c")).isEqualTo(ColumnType.character(1));
    assertThat(toColumnType("bpchar", "c")).isEqualTo(ColumnType.character(256));
  }

  @Test
  void otherTypes() {
    assertThat(toColumnType("boolean", "c")).isEqualTo(ColumnType.of(TypeName.BOOLEAN));
    assertThat(toColumnType("bool", "c")).isEqualTo(ColumnType.of(TypeName.BOOLEAN));
    assertThat(toColumnType("date", "c")).isEqualTo(ColumnType.of(TypeName.DATE));
    assertThat(toColumnType("timestamp", "c")).isEqualTo(ColumnType.of(TypeName.TIMESTAMP));
    assertThat(toColumnType("timestamp without time zone", "c"))
        .isEqualTo(ColumnType.of(TypeName.TIMESTAMP));
    assertThat(toColumnType("timestamptz", "c")).isEqualTo(ColumnType.of(TypeName.TIMESTAMPTZ));
    assertThat(toColumnType("timestamp with time zone", "c"))
        .isEqualTo(ColumnType.of(TypeName.TIMESTAMPTZ));
  }

  @Test
  void unsupportedTypes() {
    for (String type : List.of("array<int>", "map<string,int>", "struct<a:int,b:string>",
        "binary", "uniontype<int,string>", "interval", "int(11)", "decimal(10,2,1)", "varchar(",
        "")) {
      assertThatThrownBy(() -> toColumnType(type, "c"))
          .isInstanceOf(StorageException.class)
          .hasMessage("Cannot use column 'c': type '" + type + "' is not supported")
          .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("0A000");
    }
    assertThatThrownBy(() -> toColumnType("ARRAY< INT >", "tags"))
        .hasMessage("Cannot use column 'tags': type 'array<int>' is not supported");
  }

  @Test
  void argumentsOutOfRange() {
    assertThatThrownBy(() -> toColumnType("varchar(0)", "c"))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot use column 'c': type 'varchar(0)' has a length out of the range 1 to"
            + " 65535")
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("22023");
    assertThatThrownBy(() -> toColumnType("varchar(65536)", "c"))
        .hasMessage("Cannot use column 'c': type 'varchar(65536)' has a length out of the range 1"
            + " to 65535");
    assertThatThrownBy(() -> toColumnType("char(5000)", "c"))
        .hasMessage("Cannot use column 'c': type 'char(5000)' has a length out of the range 1 to"
            + " 4096");
    assertThatThrownBy(() -> toColumnType("decimal(39,2)", "c"))
        .hasMessage("Cannot use column 'c': type 'decimal(39,2)' has a precision out of the range"
            + " 1 to 38");
    assertThatThrownBy(() -> toColumnType("decimal(0)", "c"))
        .hasMessage("Cannot use column 'c': type 'decimal(0)' has a precision out of the range 1"
            + " to 38");
    assertThatThrownBy(() -> toColumnType("decimal(5,6)", "c"))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot use column 'c': type 'decimal(5,6)' has a scale greater than its"
            + " precision");
  }

  @Test
  void canonicalStrings() {
    assertThat(toCatalogType(ColumnType.of(TypeName.SMALLINT))).isEqualTo("smallint");
    assertThat(toCatalogType(ColumnType.of(TypeName.INTEGER))).isEqualTo("int");
    assertThat(toCatalogType(ColumnType.of(TypeName.BIGINT))).isEqualTo("bigint");
    assertThat(toCatalogType(ColumnType.decimal(12, 2))).isEqualTo("decimal(12,2)");
    assertThat(toCatalogType(ColumnType.of(TypeName.REAL))).isEqualTo("float");
    assertThat(toCatalogType(ColumnType.of(TypeName.DOUBLE))).isEqualTo("double");
    assertThat(toCatalogType(ColumnType.of(TypeName.BOOLEAN))).isEqualTo("boolean");
    assertThat(toCatalogType(ColumnType.character(3))).isEqualTo("char(3)");
    assertThat(toCatalogType(ColumnType.varchar(20))).isEqualTo("varchar(20)");
    assertThat(toCatalogType(ColumnType.of(TypeName.DATE))).isEqualTo("date");
    assertThat(toCatalogType(ColumnType.of(TypeName.TIMESTAMP))).isEqualTo("timestamp");
    assertThat(toCatalogType(ColumnType.of(TypeName.TIMESTAMPTZ))).isEqualTo("timestamptz");
  }

  @Test
  void everyTypeRoundTrips() {
    for (TypeName name : TypeName.values()) {
      ColumnType type = switch (name) {
        case DECIMAL -> ColumnType.decimal(18, 4);
        case CHAR -> ColumnType.character(10);
        case VARCHAR -> ColumnType.varchar(65535);
        default -> ColumnType.of(name);
      };
      assertThat(toColumnType(toCatalogType(type), "c")).isEqualTo(type);
    }
    for (String type : List.of("smallint", "int", "bigint", "decimal(12,2)", "float", "double",
        "boolean", "char(3)", "varchar(20)", "date", "timestamp", "timestamptz")) {
      assertThat(toCatalogType(toColumnType(type, "c"))).isEqualTo(type);
    }
  }
}
