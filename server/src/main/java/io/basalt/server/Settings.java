package io.basalt.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads the server's settings file ({@code --config basalt.json}). */
final class Settings {
  private Settings() {}

  /** The parsed file, or null when there is none; a missing or malformed file stops the start. */
  static JsonNode read(Path file) {
    if (file == null) {
      return null;
    }
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read settings file '" + file + "': "
          + e.getMessage(), e);
    }
  }
}
