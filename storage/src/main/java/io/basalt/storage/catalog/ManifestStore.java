package io.basalt.storage.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and atomically replaces the manifest file ({@code manifest.json}) of a data directory. */
final class ManifestStore {
  static final String FILE_NAME = "manifest.json";

  private final Path file;
  private final ObjectMapper mapper = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  ManifestStore(Path directory) {
    this.file = directory.resolve(FILE_NAME);
  }

  /** The published manifest, or null when the directory has none yet. */
  Manifest load() throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    return mapper.readValue(Files.readAllBytes(file), Manifest.class);
  }

  void publish(Manifest manifest) throws IOException {
    DurableFiles.replaceAtomically(file, mapper.writeValueAsBytes(manifest));
  }
}
