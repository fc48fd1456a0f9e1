package io.basalt.federation.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords sealed with the directory's key, which only its owner may read. */
class TestSecretBox {
  @Test
  void sealsAndOpensWithAnOwnerOnlyKey(@TempDir Path directory) throws Exception {
    SecretBox box = new SecretBox(directory);
    String sealed = box.seal("hunter2-secret");
    assertThat(sealed).startsWith(SecretBox.PREFIX).doesNotContain("hunter2");
    assertThat(box.seal("hunter2-secret")).isNotEqualTo(sealed);
    assertThat(new SecretBox(directory).open(sealed, "x")).isEqualTo("hunter2-secret");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        directory.resolve("federation.key")))).isEqualTo("rw-------");
  }

  @Test
  void anotherKeyCannotOpen(@TempDir Path one, @TempDir Path two) {
    String sealed = new SecretBox(one).seal("pw");
    assertThatThrownBy(() -> new SecretBox(two).open(sealed, "remote schema 'pg'"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("Cannot decrypt the password of remote schema 'pg'");
  }
}
