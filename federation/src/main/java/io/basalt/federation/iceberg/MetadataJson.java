package io.basalt.federation.iceberg;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.transforms.Transforms;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Iceberg's maps, lists and structs as JSON text, for the VARCHAR columns of the metadata
 * tables (Basalt has no MAP, ROW or ARRAY type). Map keys are sorted (field ids numerically)
 * and struct fields keep their order, so the text is the same for the same metadata; numbers
 * and booleans are bare, NULL is {@code null}, and every other value is a string in Iceberg's
 * human-readable form (dates {@code 2026-01-01}, timestamps {@code 2026-01-05T10:00:00}, binary
 * as base64).
 */
final class MetadataJson {
  /** Partition transforms whose values are counts of time units, shown as dates instead. */
  private static final Set<String> TIME_TRANSFORMS = Set.of("year", "month", "day", "hour");

  private MetadataJson() {}

  /** A map of strings (a snapshot's summary), or null. */
  static String strings(Map<String, String> map) {
    if (map == null) {
      return null;
    }
    StringBuilder json = new StringBuilder("{");
    new TreeMap<>(map).forEach((key, value) -> member(json, key).append(quote(value)));
    return json.append('}').toString();
  }

  /** A map from field id to a count or size (column sizes, value counts), or null. */
  static String counts(Map<Integer, Long> map) {
    if (map == null) {
      return null;
    }
    StringBuilder json = new StringBuilder("{");
    new TreeMap<>(map).forEach((id, value) -> member(json, id.toString()).append(value));
    return json.append('}').toString();
  }

  /**
   * A map from field id to a column bound as the file's metrics store it, decoded with the
   * column's type in {@code types} (by field id); a bound of an unknown field is left out.
   */
  static String bounds(Map<Integer, ByteBuffer> map, Map<Integer, Type> types) {
    if (map == null) {
      return null;
    }
    StringBuilder json = new StringBuilder("{");
    new TreeMap<>(map).forEach((id, bound) -> {
      Type type = types.get(id);
      if (type != null && type.isPrimitiveType()) {
        member(json, id.toString()).append(value(type, Conversions.fromByteBuffer(type, bound)));
      }
    });
    return json.append('}').toString();
  }

  /** A list of numbers (split offsets, equality field ids), or null. */
  static String numbers(List<? extends Number> list) {
    if (list == null) {
      return null;
    }
    StringBuilder json = new StringBuilder("[");
    for (Number number : list) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(number);
    }
    return json.append(']').toString();
  }

  /**
   * A partition tuple of {@code type} as an object keyed by partition field name;
   * {@code transforms} are the fields' transforms by partition field id.
   */
  static String partition(Types.StructType type, Map<Integer, Transform<?, ?>> transforms,
      StructLike partition) {
    StringBuilder json = new StringBuilder("{");
    List<Types.NestedField> fields = type.fields();
    for (int i = 0; i < fields.size(); i++) {
      Types.NestedField field = fields.get(i);
      Object value = partition.get(i, field.type().typeId().javaClass());
      member(json, field.name()).append(partitionValue(field.type(),
          transforms.get(field.fieldId()), value));
    }
    return json.append('}').toString();
  }

  /**
   * One partition value of type {@code type} made by {@code transform}: year, month, day and
   * hour values are counts since 1970 and read as Iceberg's text for them (e.g. {@code 2026-01}).
   */
  @SuppressWarnings("unchecked")
  static String partitionValue(Type type, Transform<?, ?> transform, Object value) {
    if (value != null && transform != null && TIME_TRANSFORMS.contains(transform.toString())) {
      return quote(((Transform<Object, Object>) transform).toHumanString(type, value));
    }
    return value(type, value);
  }

  /** A value of Iceberg's internal representation of {@code type} as a JSON value. */
  @SuppressWarnings("unchecked")
  static String value(Type type, Object value) {
    if (value == null) {
      return "null";
    }
    return switch (type.typeId()) {
      case BOOLEAN, INTEGER, LONG -> value.toString();
      case FLOAT, DOUBLE -> Double.isFinite(((Number) value).doubleValue()) ? value.toString()
          : quote(value.toString());
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      default -> quote(((Transform<Object, Object>) (Transform<?, ?>) Transforms.identity())
          .toHumanString(type, value));
    };
  }

  private static StringBuilder member(StringBuilder json, String key) {
    if (json.length() > 1) {
      json.append(',');
    }
    return json.append(quote(key)).append(':');
  }

  /** A JSON string literal. */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
