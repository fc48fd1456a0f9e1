package io.basalt.federation.remote;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.basalt.storage.StorageException;
import io.basalt.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON files the federated schemas keep next to the catalog files ({@code secrets.json},
 * {@code remote_tables.json}), each replaced atomically, so a crash leaves it old or new.
 */
final class RemoteFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private RemoteFiles() {}

  /** The content of {@code file}, or {@code empty} when there is no such file. */
  static <T> T read(Path file, Class<T> type, T empty) {
    try {
      return Files.exists(file) ? MAPPER.readValue(Files.readAllBytes(file), type) : empty;
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot read '" + file + "': " + e.getMessage(), e);
    }
  }

  /** Replaces {@code file} with {@code content}; {@code action} starts the error message. */
  static void write(Path file, Object content, String action) {
    try {
      Files.createDirectories(file.getParent());
      DurableFiles.replaceAtomically(file, MAPPER.writeValueAsBytes(content));
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot " + action + ": writing '" + file
          + "' failed: " + e.getMessage(), e);
    }
  }
}
