package io.basalt.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.ingest.SourceFiles.SourceFile;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSourceFiles {
  private static final String TARGET = "\"public.t\"";

  @TempDir
  Path dataDirectory;

  private FolderObjectStore store;
  private SourceFiles sources;

  @BeforeEach
  void setUp() throws IOException {
    store = new FolderObjectStore(dataDirectory.resolve("s3"));
    sources = new SourceFiles(store);
    for (String file : new String[] {
        "data/part-0002.csv", "data/part-0001.csv", "data/sub/part-0003.csv", "data/_SUCCESS",
        "data/.part-0001.csv.crc", "data/_temporary/x.csv", "data2/other.csv", "top.csv",
        "odd..name.csv"}) {
      Path path = dataDirectory.resolve("s3/bucket").resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, file);
    }
  }

  @Test
  void s3KeyIsAPrefix() {
    assertThat(names("s3://bucket/data/part")).containsExactly(
        "s3://bucket/data/part-0001.csv", "s3://bucket/data/part-0002.csv");
    assertThat(names("s3://bucket/data/")).containsExactly(
        "s3://bucket/data/part-0001.csv", "s3://bucket/data/part-0002.csv",
        "s3://bucket/data/sub/part-0003.csv");
    // As in S3, a prefix without a slash matches sibling folders too.
    assertThat(names("s3://bucket/data")).containsExactly(
        "s3://bucket/data/part-0001.csv", "s3://bucket/data/part-0002.csv",
        "s3://bucket/data/sub/part-0003.csv", "s3://bucket/data2/other.csv");
    assertThat(names("s3://bucket/data/part-0001.csv")).containsExactly(
        "s3://bucket/data/part-0001.csv");
    assertThat(names("s3://bucket")).hasSize(6);
    assertThat(names("s3://bucket/odd..name.csv")).containsExactly("s3://bucket/odd..name.csv");
  }

  @Test
  void hiddenFilesLoadOnlyWhenNamedExactly() {
    assertThat(names("s3://bucket/data/_SUCCESS")).containsExactly("s3://bucket/data/_SUCCESS");
    assertThat(names("s3://bucket/data/_temporary/")).containsExactly(
        "s3://bucket/data/_temporary/x.csv");
  }

  @Test
  void s3FilesMapUnderTheDataDirectory() {
    List<SourceFile> files = sources.resolve("s3://bucket/top.csv", TARGET);
    assertThat(files).singleElement().extracting(SourceFile::uri)
        .isEqualTo(ObjectUri.parse("s3://bucket/top.csv"));
    assertThat(store.path(files.get(0).uri()))
        .isEqualTo(dataDirectory.resolve("s3/bucket/top.csv"));
  }

  @Test
  void localPathsAndFileUris() {
    Path folder = dataDirectory.resolve("s3/bucket/data");
    assertThat(names(folder.toString())).containsExactly(
        folder.resolve("part-0001.csv").toString(), folder.resolve("part-0002.csv").toString(),
        folder.resolve("sub/part-0003.csv").toString());
    assertThat(names(folder.resolve("part-0002.csv").toUri().toString())).containsExactly(
        folder.resolve("part-0002.csv").toString());
    assertThat(names(folder.resolve("sub/part").toString())).containsExactly(
        folder.resolve("sub/part-0003.csv").toString());
  }

  @Test
  void missingSourcesFail() {
    assertThatThrownBy(() -> sources.resolve("s3://bucket/nothing", TARGET))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot COPY into \"public.t\": no files found at 's3://bucket/nothing'")
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("58P01");
    assertThatThrownBy(() -> sources.resolve("s3://nobucket/x", TARGET))
        .hasMessage("Cannot COPY into \"public.t\": no files found at 's3://nobucket/x'");
    assertThatThrownBy(() -> sources.resolve("s3://bucket/../../etc/passwd", TARGET))
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("22023");
  }

  @Test
  void manifestListsFiles() throws IOException {
    Files.writeString(dataDirectory.resolve("s3/bucket/load.manifest"), """
        {"entries": [
          {"url": "s3://bucket/data/part-0002.csv", "mandatory": true},
          {"url": "s3://bucket/data/missing.csv", "mandatory": false},
          {"url": "s3://bucket/top.csv"}
        ]}""");
    assertThat(sources.manifest("s3://bucket/load.manifest", TARGET))
        .extracting(SourceFile::name)
        .containsExactly("s3://bucket/data/part-0002.csv", "s3://bucket/top.csv");

    Files.writeString(dataDirectory.resolve("s3/bucket/bad.manifest"), """
        {"entries": [{"url": "s3://bucket/data/missing.csv", "mandatory": true}]}""");
    assertThatThrownBy(() -> sources.manifest("s3://bucket/bad.manifest", TARGET))
        .hasMessage("Cannot COPY into \"public.t\": mandatory file "
            + "'s3://bucket/data/missing.csv' listed in manifest 's3://bucket/bad.manifest' "
            + "does not exist")
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("58P01");
  }

  private List<String> names(String source) {
    return sources.resolve(source, TARGET).stream().map(SourceFile::name).toList();
  }
}
