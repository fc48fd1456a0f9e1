package io.basalt.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A Basalt server in a child JVM, so that a test can kill it with SIGKILL. */
final class ChildServer implements AutoCloseable {
  static final String PASSWORD = "child-secret";
  private final Process process;
  private final int port;

  private ChildServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ChildServer start(Path dataDirectory, Path log) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("server");
    command.add("--port");
    command.add(String.valueOf(port));
    command.add("--data-dir");
    command.add(dataDirectory.toString());
    command.add("--admin-password");
    command.add(PASSWORD);
    command.add("--slices");
    command.add("2");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    ChildServer child = new ChildServer(process, port);
    child.awaitReady(Duration.ofSeconds(90));
    return child;
  }

  Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection("jdbc:basalt://127.0.0.1:" + port + "/dev",
        properties);
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("child server exited with " + process.exitValue());
      }
      try (Connection connection = connect()) {
        return;
      } catch (SQLException | RuntimeException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("child server did not start within " + timeout);
  }

  /** SIGKILL: no shutdown hook, no flush, exactly like a crash. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
