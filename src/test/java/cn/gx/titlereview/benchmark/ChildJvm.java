package cn.gx.titlereview.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Spring Boot application in a JVM of its own, started from this test's class path, so that its start-up and its
 * CPU are its own: the bare Camunda app, or the product for its start-up time. Its output goes to a log file under
 * {@code target/}; the start counts until Spring Boot's "Started … (process running for …)" line.
 */
final class ChildJvm implements AutoCloseable {

  private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

  final int port;
  final Process process;
  /** Spring Boot's own figure: the JVM's age when the application had started, in seconds. */
  final double processRunningSeconds;
  /** From launching the JVM to the "Started" line, measured by the parent, in milliseconds. */
  final long wallMillis;

  private ChildJvm(int port, Process process, double processRunningSeconds, long wallMillis) {
    this.port = port;
    this.process = process;
    this.processRunningSeconds = processRunningSeconds;
    this.wallMillis = wallMillis;
  }

  /** Starts {@code mainClass} and waits for it to have started; {@code withTestClasses} false leaves test classes off. */
  static ChildJvm start(String name, String mainClass, boolean withTestClasses, List<String> jvmOptions,
      List<String> args) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath(withTestClasses));
    command.add(mainClass);
    command.add("--server.port=" + port);
    command.addAll(args);
    Path log = Path.of("target", "benchmark-" + name + ".log");
    long start = System.nanoTime();
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      CompletableFuture<Double> started = new CompletableFuture<>();
      Thread pump = new Thread(() -> pump(process, log, started), "child-" + name);
      pump.setDaemon(true);
      pump.start();
      double running = started.get(180, TimeUnit.SECONDS);
      return new ChildJvm(port, process, running, (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      throw new IllegalStateException(name + " did not start; see " + log.toAbsolutePath(), e);
    }
  }

  private static void pump(Process process, Path log, CompletableFuture<Double> started) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.newLine();
        Matcher m = STARTED.matcher(line);
        if (m.find()) {
          started.complete(Double.parseDouble(m.group(2)));
          out.flush();
        }
      }
      started.completeExceptionally(new IllegalStateException("exited with " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      started.completeExceptionally(e);
    }
  }

  /** The test JVM's class path (surefire sets {@code java.class.path} to it), test classes kept or left off. */
  private static String classPath(boolean withTestClasses) {
    return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> withTestClasses || !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
