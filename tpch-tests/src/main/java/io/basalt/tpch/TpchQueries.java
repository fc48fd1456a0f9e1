package io.basalt.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The shared TPC-H kit ({@code queries/qNN.sql} and {@code answers/sfX/qNN.csv}): query texts
 * without their trailing semicolon and the reference answers of each scale factor.
 */
final class TpchQueries {
  /** System property naming the kit folder; the {@code --tpch-dir} option overrides it. */
  static final String DIRECTORY_PROPERTY = "basalt.tpch.dir";

  /** The numbers of all TPC-H queries, 1 to 22. */
  static final List<Integer> ALL =
      IntStream.rangeClosed(1, 22).boxed().collect(Collectors.toList());

  private final Path directory;

  private TpchQueries(Path directory) {
    this.directory = directory;
  }

  /** Opens the kit in {@code directory}, which must hold a {@code queries} folder. */
  static TpchQueries open(Path directory) {
    if (!Files.isDirectory(directory.resolve("queries"))) {
      throw new IllegalArgumentException(
          "Cannot open the TPC-H kit: " + directory + " has no queries folder");
    }
    return new TpchQueries(directory.toAbsolutePath().normalize());
  }

  /**
   * Finds the kit: {@code explicit} if given, else the {@value #DIRECTORY_PROPERTY} system
   * property, else the first {@code shared/tpch} folder found walking up from the working
   * directory (the repository's sibling {@code ../shared/tpch} is found this way too).
   */
  static TpchQueries locate(Optional<Path> explicit) {
    if (explicit.isPresent()) {
      return open(explicit.get());
    }
    String property = System.getProperty(DIRECTORY_PROPERTY);
    if (property != null && !property.isBlank()) {
      return open(Path.of(property));
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path folder = start; folder != null; folder = folder.getParent()) {
      Path candidate = folder.resolve("shared").resolve("tpch");
      if (Files.isDirectory(candidate.resolve("queries"))) {
        return open(candidate);
      }
    }
    throw new IllegalArgumentException(
        "Cannot find the TPC-H kit: no shared/tpch folder above "
            + start
            + "; pass --tpch-dir or -D"
            + DIRECTORY_PROPERTY);
  }

  Path directory() {
    return directory;
  }

  /** Returns the text of query {@code number} (1 to 22) without its trailing semicolon. */
  String query(int number) {
    Path file = directory.resolve("queries").resolve(String.format("q%02d.sql", number));
    try {
      String text = Files.readString(file, UTF_8).strip();
      return text.endsWith(";") ? text.substring(0, text.length() - 1).stripTrailing() : text;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read TPC-H query " + number + " from " + file, e);
    }
  }

  /** Returns the reference answer of query {@code number} at {@code scale}, if the kit has it. */
  Optional<AnswerFile> answer(TpchScale scale, int number) {
    Path file =
        directory
            .resolve("answers")
            .resolve(scale.folderName())
            .resolve(String.format("q%02d.csv", number));
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(AnswerFile.read(file));
  }
}
