package org.lernstadt.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server running as a child process with its output in a log file. Started in a session of its
 * own where possible, so that Ctrl-C in the terminal reaches only the launcher, which then stops
 * the children in order.
 */
final class ChildProcess {

  /**
   * Marks the command line of every child so that leftovers of a launcher that was killed can be
   * found again (see {@link Leftovers}).
   */
  static final String DATA_MARKER = "-Dlernstadt.data=";

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the command with its output going to {@code log}; the log of the previous run is kept as
   * NAME.previous.log.
   */
  static ChildProcess start(
      String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
    List<String> full = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      full.add(SETSID.toString());
    }
    full.addAll(command);
    try {
      Files.createDirectories(log.getParent());
      Files.createDirectories(workDir);
      ProcessBuilder builder =
          new ProcessBuilder(full)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      builder.environment().putAll(env);
      return new ChildProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + name + ": " + e.getMessage(), e);
    }
  }

  /** Keeps the log of the previous run as NAME.previous.log, so that each run starts a new one. */
  static void rotate(Path log) {
    try {
      if (Files.exists(log)) {
        String file = log.getFileName().toString();
        Path previous = log.resolveSibling(file.replaceFirst("\\.log$", "") + ".previous.log");
        Files.move(log, previous, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not rotate " + log + ": " + e.getMessage(), e);
    }
  }

  /**
   * JVM options every child gets: the marker, and on JDK 24+ no warnings about sun.misc.Unsafe
   * (Kafka, Netty), which would only clutter the logs.
   */
  static java.util.List<String> commonJvmOptions(Path dataDir) {
    java.util.List<String> options = new ArrayList<>();
    options.add(DATA_MARKER + dataDir);
    if (Runtime.version().feature() >= 24) {
      options.add("--sun-misc-unsafe-memory-access=allow");
    }
    return options;
  }

  private static java.io.File nullDevice() {
    return new java.io.File("/dev/null");
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  boolean alive() {
    return process.isAlive();
  }

  int exitValue() {
    return process.exitValue();
  }

  Process process() {
    return process;
  }

  /** Asks the process to stop (SIGTERM), then kills it if it has not stopped within the grace. */
  void stop(Duration grace) {
    stop(process.toHandle(), grace);
  }

  /** Stops any process, as {@link #stop(Duration)}; also kills what it left behind. */
  static boolean stop(ProcessHandle handle, Duration grace) {
    if (!handle.isAlive()) {
      return true;
    }
    List<ProcessHandle> descendants = handle.descendants().toList();
    handle.destroy();
    try {
      handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // not stopped in time, or interrupted: kill it
    }
    boolean clean = !handle.isAlive();
    Stream.concat(Stream.of(handle), descendants.stream())
        .filter(ProcessHandle::isAlive)
        .forEach(ProcessHandle::destroyForcibly);
    try {
      handle.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // gone or not, nothing more to do
    }
    return clean;
  }

  /** The last lines of the log, for an error message. */
  String tail(int lines) {
    return tail(log, lines);
  }

  static String tail(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return "(no log at " + file + ")";
    }
    Deque<String> last = new ArrayDeque<>(lines);
    // a reader replaces bytes that are not UTF-8 instead of failing on them
    try (Stream<String> all =
        new java.io.BufferedReader(
                new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))
            .lines()) {
      all.forEach(
          line -> {
            if (last.size() == lines) {
              last.removeFirst();
            }
            last.addLast(line);
          });
    } catch (IOException | UncheckedIOException e) {
      return "(could not read " + file + ": " + e.getMessage() + ")";
    }
    StringBuilder text = new StringBuilder();
    for (String line : last) {
      text.append("    | ").append(line).append('\n');
    }
    return text.toString();
  }
}
