package io.basalt.storage.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Infers the columns of a newline-delimited JSON file from the keys and values of its first
 * objects: keys in order of first appearance (merged ignoring case), integers BIGINT, other
 * numbers DOUBLE, strings VARCHAR unless they all hold dates or timestamps. Keys whose values
 * are objects or arrays are left out, since no column type holds them.
 */
final class JsonSchemas {
  private JsonSchemas() {}

  static List<ColumnDefinition> infer(ObjectStore store, ObjectInfo file, FormatOptions options) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, TypeGuess> guesses = new LinkedHashMap<>();
    try (JsonParser parser = JsonFactory.builder().build().createParser(Decompression.open(
        store, file, options.compression(), new ScanCounters()))) {
      int objects = 0;
      JsonToken token;
      while (objects < TextSchemas.SAMPLE_RECORDS && (token = parser.nextToken()) != null) {
        if (token != JsonToken.START_OBJECT) {
          throw new StorageException("22P04", "Cannot read '" + file.uri() + "' line "
              + parser.currentTokenLocation().getLineNr() + ": expected a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String key = name.toLowerCase(Locale.ROOT);
          names.putIfAbsent(key, name);
          TypeGuess guess = guesses.computeIfAbsent(key, k -> new TypeGuess());
          switch (parser.nextToken()) {
            case START_OBJECT, START_ARRAY -> {
              guess.addNested();
              parser.skipChildren();
            }
            case VALUE_STRING -> guess.addJsonString(parser.getText());
            case VALUE_NUMBER_INT -> guess.addJsonInteger(parser.getText());
            case VALUE_NUMBER_FLOAT -> guess.addJsonFloat();
            case VALUE_TRUE, VALUE_FALSE -> guess.addJsonBoolean();
            default -> { } // null says nothing about the type
          }
        }
        objects++;
      }
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new StorageException("22P04", "Cannot read '" + file.uri() + "' line " + line
          + ": malformed JSON (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new StorageException("22P04", "Cannot read '" + file.uri() + "': " + e, e);
    }
    List<ColumnDefinition> columns = new ArrayList<>();
    for (Map.Entry<String, TypeGuess> entry : guesses.entrySet()) {
      if (!entry.getValue().nested()) {
        columns.add(new ColumnDefinition(names.get(entry.getKey()), entry.getValue().type(),
            true, null));
      }
    }
    return columns;
  }
}
