package org.lernstadt.manifests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The project's files, found from this module's folder, and YAML read the same way everywhere. */
final class Repo {

  /** The project root: the module runs in deploy/manifests. */
  static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();

  private Repo() {}

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a YAML file (anchors and merge keys resolved), skipping empty ones. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> yamlDocuments(Path file) {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object document : yaml().loadAll(reader)) {
        if (document != null) {
          documents.add((Map<String, Object>) document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  static Map<String, Object> yaml(Path file) {
    List<Map<String, Object>> documents = yamlDocuments(file);
    if (documents.size() != 1) {
      throw new IllegalArgumentException(file + ": expected one YAML document");
    }
    return documents.get(0);
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  /** A YAML map, or an empty one for null. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value == null ? new LinkedHashMap<>() : (Map<String, Object>) value;
  }

  /** A YAML list, or an empty one for null. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value == null ? new ArrayList<>() : (List<Object>) value;
  }
}
