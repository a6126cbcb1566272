package org.lernstadt.platform.servers;

/** Reads a setting from a system property first, then from the environment. */
public final class Settings {

  private Settings() {}

  public static String get(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? null : value;
  }

  public static String getOrDefault(String name, String fallback) {
    String value = get(name);
    return value == null ? fallback : value;
  }
}
