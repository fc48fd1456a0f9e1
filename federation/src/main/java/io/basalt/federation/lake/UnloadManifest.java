package io.basalt.federation.lake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.basalt.federation.lake.PartitionedFileSink.WrittenFile;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The manifest UNLOAD ... MANIFEST writes, as Redshift writes it: {@code entries} with each
 * file's {@code url} and {@code meta.content_length}; with VERBOSE also each file's
 * {@code meta.record_count}, the files' {@code schema} (column names and types) and a top-level
 * {@code meta} with the author and the total record count.
 */
final class UnloadManifest {
  private static final JsonFactory FACTORY = new JsonFactory();

  private UnloadManifest() {}

  static byte[] json(List<WrittenFile> files, ToLongFunction<WrittenFile> sizes,
      List<ColumnDefinition> columns, boolean verbose) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("entries");
      long total = 0;
      for (WrittenFile file : files) {
        json.writeStartObject();
        json.writeStringField("url", file.uri().toString());
        json.writeObjectFieldStart("meta");
        json.writeNumberField("content_length", sizes.applyAsLong(file));
        if (verbose) {
          json.writeNumberField("record_count", file.rows());
        }
        json.writeEndObject();
        json.writeEndObject();
        total += file.rows();
      }
      json.writeEndArray();
      if (verbose) {
        json.writeObjectFieldStart("schema");
        json.writeArrayFieldStart("elements");
        for (ColumnDefinition column : columns) {
          json.writeStartObject();
          json.writeStringField("name", column.name());
          json.writeObjectFieldStart("type");
          writeType(json, column.type());
          json.writeEndObject();
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectFieldStart("meta");
        json.writeObjectFieldStart("author");
        json.writeStringField("name", "Basalt");
        json.writeStringField("version", "1.0.0");
        json.writeEndObject();
        json.writeNumberField("record_count", total);
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new StorageException("XX000", "Cannot write the UNLOAD manifest: " + e.getMessage(),
          e);
    }
    return bytes.toByteArray();
  }

  /** Redshift's spelling: {@code base} without arguments, then length or precision and scale. */
  private static void writeType(JsonGenerator json, ColumnType type) throws IOException {
    String name = type.sqlName();
    int parenthesis = name.indexOf('(');
    json.writeStringField("base", parenthesis < 0 ? name : name.substring(0, parenthesis));
    switch (type.name()) {
      case CHAR, VARCHAR -> json.writeNumberField("length", type.precision());
      case DECIMAL -> {
        json.writeNumberField("precision", type.precision());
        json.writeNumberField("scale", type.scale());
      }
      default -> {
        // The other types take no arguments.
      }
    }
  }
}
