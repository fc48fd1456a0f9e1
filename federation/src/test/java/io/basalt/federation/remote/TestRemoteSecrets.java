package io.basalt.federation.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named secrets kept sealed in secrets.json, and the names SECRET_ARN values give. */
class TestRemoteSecrets {
  @Test
  void secretArnNamesASecretByItsLastPart() {
    assertThat(RemoteSecrets.nameOf("pg_reader")).isEqualTo("pg_reader");
    assertThat(RemoteSecrets.nameOf("PG_Reader")).isEqualTo("pg_reader");
    assertThat(RemoteSecrets.nameOf(
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:pg_reader")).isEqualTo("pg_reader");
  }

  @Test
  void secretsSurviveAReopenWithTheirPasswordsSealed(@TempDir Path directory) throws Exception {
    RemoteSecrets secrets = new RemoteSecrets(directory, new SecretBox(directory));
    assertThat(secrets.create("Reader", "alice", "s3cret-pw", false, false, 1000)).isTrue();
    assertThat(Files.readString(directory.resolve(RemoteSecrets.FILE)))
        .contains("reader", "alice").doesNotContain("s3cret-pw");
    RemoteSecrets reopened = new RemoteSecrets(directory, new SecretBox(directory));
    RemoteSecrets.Credentials login = reopened.credentials("reader", "remote schema 'pg'");
    assertThat(login.user()).isEqualTo("alice");
    assertThat(login.password()).isEqualTo("s3cret-pw");
    assertThat(login.toString()).doesNotContain("s3cret-pw");
    assertThat(reopened.list()).singleElement()
        .satisfies(s -> assertThat(s.createdMillis()).isEqualTo(1000));
  }

  @Test
  void createReplaceAndDrop(@TempDir Path directory) {
    RemoteSecrets secrets = new RemoteSecrets(directory, new SecretBox(directory));
    secrets.create("s", "u1", "p1", false, false, 1);
    assertThatThrownBy(() -> secrets.create("s", "u2", "p2", false, false, 2))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot create secret 's': it already exists");
    assertThat(secrets.create("s", "u2", "p2", false, true, 2)).isFalse();
    assertThat(secrets.credentials("s", "x").user()).isEqualTo("u1");
    assertThat(secrets.create("s", "u3", "p3", true, false, 3)).isTrue();
    assertThat(secrets.credentials("s", "x").password()).isEqualTo("p3");
    assertThat(secrets.drop("s", false)).isTrue();
    assertThat(secrets.drop("s", true)).isFalse();
    assertThatThrownBy(() -> secrets.credentials("s", "remote schema 'pg'"))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot use remote schema 'pg': secret 's' does not exist")
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo("42704"));
  }
}
