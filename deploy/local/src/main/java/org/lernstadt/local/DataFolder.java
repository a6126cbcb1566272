package org.lernstadt.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The data folder of one stack: a lock so that only one launcher uses it at a time, clean-up of
 * processes that a killed launcher left behind, and wiping for --fresh.
 */
final class DataFolder implements AutoCloseable {

  private static final String LOCK = "lernstadt.lock";

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private DataFolder(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the folder for this launcher, or fails naming the launcher that has it. */
  static DataFolder lock(Path dir) {
    try {
      Files.createDirectories(dir);
      Path lockFile = dir.resolve(LOCK);
      FileChannel channel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
        channel.close();
        throw new StackException(
            "Another Lernstadt stack (pid "
                + (holder.isEmpty() ? "?" : holder)
                + ") is running with the data folder "
                + dir
                + ".\nStop it with Ctrl-C in its terminal or `kill -INT "
                + (holder.isEmpty() ? "<pid>" : holder)
                + "`, or use another folder with --data DIR.");
      }
      channel.truncate(0);
      channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"), 0);
      return new DataFolder(dir, channel, lock);
    } catch (IOException e) {
      throw new StackException(
          "Cannot use the data folder " + dir + ": " + e.getMessage() + ". Is it writable?");
    }
  }

  /**
   * Stops servers that a launcher of this folder started and left running because it was killed
   * (kill -9, a crash): Java processes and PostgreSQL whose command line names this folder.
   * Services and Kafka go first, PostgreSQL last.
   */
  void stopLeftovers(PrintStream out) {
    String path = dir.toString();
    long self = ProcessHandle.current().pid();
    List<ProcessHandle> leftovers =
        ProcessHandle.allProcesses()
            .filter(p -> p.pid() != self && p.isAlive())
            .filter(p -> isServer(p) && commandLine(p).contains(path))
            .toList();
    if (leftovers.isEmpty()) {
      return;
    }
    List<ProcessHandle> first = leftovers.stream().filter(p -> !isPostgres(p)).toList();
    List<ProcessHandle> last = leftovers.stream().filter(DataFolder::isPostgres).toList();
    for (List<ProcessHandle> group : List.of(first, last)) {
      group.forEach(
          p ->
              out.printf(
                  "  leftover     stopping %s (pid %d) that an earlier run left running%n",
                  describe(commandLine(p)), p.pid()));
      group.parallelStream().forEach(p -> ChildProcess.stop(p, Duration.ofSeconds(20)));
    }
  }

  private static boolean isServer(ProcessHandle p) {
    String command = p.info().command().orElse("");
    return command.endsWith("/java") || isPostgres(p);
  }

  private static boolean isPostgres(ProcessHandle p) {
    String command = p.info().command().orElse("");
    return command.endsWith("/postgres") || command.endsWith("/postmaster");
  }

  private static String commandLine(ProcessHandle p) {
    return p.info()
        .commandLine()
        .orElseGet(
            () ->
                p.info().command().orElse("")
                    + " "
                    + String.join(" ", p.info().arguments().orElse(new String[0])));
  }

  private static String describe(String commandLine) {
    if (commandLine.contains("kafka.Kafka")) {
      return "Kafka";
    }
    if (commandLine.contains("kc.home.dir")) {
      return "Keycloak";
    }
    for (ServiceDef service : ServiceDef.values()) {
      if (commandLine.contains("/" + service.module() + "/target/quarkus-app/")) {
        return service.module();
      }
    }
    if (commandLine.contains("postgres")) {
      return "PostgreSQL";
    }
    return commandLine.length() > 100 ? commandLine.substring(0, 100) + "..." : commandLine;
  }

  /** Deletes everything in the folder but the lock. */
  void wipe() {
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.toList()) {
        if (!child.getFileName().toString().equals(LOCK)) {
          deleteTree(child);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not wipe " + dir, e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
