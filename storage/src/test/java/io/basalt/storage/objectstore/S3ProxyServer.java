package io.basalt.storage.objectstore;

import io.basalt.storage.objectstore.ObjectStoreConfig.S3Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3 endpoint for tests: S3Proxy over a temporary folder, in a child JVM so that its jars
 * (Jetty among them) stay off the test's classpath. The child's classpath is the file
 * {@code s3proxy.classpath} that the storage build writes beside this class; other modules get
 * both from the storage test-jar. Requests must be signed with {@link #accessKey()} and
 * {@link #secretKey()} and use path-style addressing.
 */
public final class S3ProxyServer implements AutoCloseable {
  private static final String ACCESS_KEY = "basalt-test-access";
  private static final String SECRET_KEY = "basalt-test-secret";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path directory;
  private final Process process;
  private final int port;
  private final Thread killer;

  private S3ProxyServer(Path directory, Process process, int port, Thread killer) {
    this.directory = directory;
    this.process = process;
    this.port = port;
    this.killer = killer;
  }

  /** Starts S3Proxy on a free port of 127.0.0.1 and returns once it accepts connections. */
  public static S3ProxyServer start() {
    try {
      Path directory = Files.createTempDirectory("basalt-s3proxy-");
      Path data = Files.createDirectories(directory.resolve("data"));
      int port = freePort();
      Path properties = directory.resolve("s3proxy.properties");
      // filesystem-nio2: the older "filesystem" backend is deprecated and lists each folder
      // as an object of its own ("a/b/"), which S3 never does.
      Files.writeString(properties, String.join("\n",
          "jclouds.provider=filesystem-nio2",
          "jclouds.filesystem.basedir=" + data,
          "s3proxy.endpoint=http://127.0.0.1:" + port,
          "s3proxy.authorization=aws-v2-or-v4",
          "s3proxy.identity=" + ACCESS_KEY,
          "s3proxy.credential=" + SECRET_KEY,
          ""));
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // A small, quickly started JVM: the proxy serves a few test requests.
      command.add("-Xmx256m");
      command.add("-XX:+UseSerialGC");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
      // S3Proxy routes System.err into its logger; a logger writing to System.err would loop.
      command.add("-Dorg.slf4j.simpleLogger.cacheOutputStream=true");
      command.add("-cp");
      command.add(classpath());
      command.add("org.gaul.s3proxy.Main");
      command.add("--properties");
      command.add(properties.toString());
      Path log = directory.resolve("s3proxy.log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      Thread killer = new Thread(process::destroyForcibly, "s3proxy-killer");
      Runtime.getRuntime().addShutdownHook(killer);
      S3ProxyServer server = new S3ProxyServer(directory, process, port, killer);
      server.awaitPort(log);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start S3Proxy: " + e.getMessage(), e);
    }
  }

  /** The child's classpath, from the file the build wrote (see storage/pom.xml). */
  private static String classpath() throws IOException {
    try (InputStream in = S3ProxyServer.class.getResourceAsStream("s3proxy.classpath")) {
      if (in == null) {
        throw new IllegalStateException("Cannot start S3Proxy: s3proxy.classpath is missing; "
            + "build the storage module with Maven (its generate-test-resources phase writes it)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitPort(Path log) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String output = Files.readString(log);
        close();
        throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ": "
            + output);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    String output = Files.readString(log);
    close();
    throw new IllegalStateException("S3Proxy did not open port " + port + " within "
        + START_TIMEOUT + ": " + output);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for S3Proxy", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public String accessKey() {
    return ACCESS_KEY;
  }

  public String secretKey() {
    return SECRET_KEY;
  }

  /** Settings that reach this server: its endpoint, its credentials, path-style addressing. */
  public S3Endpoint settings() {
    return S3Endpoint.of(endpoint()).withPathStyleAccess(true)
        .withCredentials(ACCESS_KEY, SECRET_KEY);
  }

  /** Creates a bucket: with the filesystem backend, a bucket is a folder of the data folder. */
  public void createBucket(String name) {
    try {
      Files.createDirectories(directory.resolve("data").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create bucket '" + name + "': " + e.getMessage(), e);
    }
  }

  /** Stops the child and deletes its data. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it kills the child anyway.
    }
    deleteRecursively(directory);
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // A leftover temporary folder is harmless.
    }
  }
}
