package org.lernstadt.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The measured figures of a run (events produced vs delivered, duplicates vs effects, requests vs
 * 5xx), appended to {@code target/reliability-figures.md} for docs/reliability.md.
 */
final class Figures {

  private static final Path FILE = Path.of("target", "reliability-figures.md");

  private Figures() {}

  static synchronized void record(String test, String figures) {
    String line = "- " + test + ": " + figures + System.lineSeparator();
    System.out.print("[figures] " + line);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(
          FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
