package io.basalt.tpch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A small copy of the shared TPC-H kit, whose answers a test may change. */
final class KitCopy {
  private KitCopy() {}

  /** Copies the given queries (e.g. "q01") and their SF 0.01 answers; returns the kit folder. */
  static Path of(Path folder, List<String> queries) throws IOException {
    TpchQueries shared = TpchQueries.locate(Optional.empty());
    Path kit = folder.resolve("kit");
    Path answers = answers(kit);
    Files.createDirectories(kit.resolve("queries"));
    Files.createDirectories(answers);
    for (String query : queries) {
      Files.copy(shared.directory().resolve("queries").resolve(query + ".sql"),
          kit.resolve("queries").resolve(query + ".sql"));
      Files.copy(shared.directory().resolve("answers").resolve("sf0.01").resolve(query + ".csv"),
          answers.resolve(query + ".csv"));
    }
    return kit;
  }

  /** The SF 0.01 answers folder of a kit. */
  static Path answers(Path kit) {
    return kit.resolve("answers").resolve("sf0.01");
  }
}
