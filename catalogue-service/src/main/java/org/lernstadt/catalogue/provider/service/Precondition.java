package org.lernstadt.catalogue.provider.service;

import java.util.HashSet;
import java.util.Set;
import org.lernstadt.platform.web.ProblemException;

/**
 * An {@code If-Match} request header (RFC 9110, section 13.1.1) against the version-based ETags of
 * this context, {@code "<version>"}. Without the header every version matches.
 */
public final class Precondition {

  private static final Precondition NONE = new Precondition(true, Set.of());

  private final boolean any;
  private final Set<Long> versions;

  private Precondition(boolean any, Set<Long> versions) {
    this.any = any;
    this.versions = Set.copyOf(versions);
  }

  /** Reads the header; a tag this API never issues (or a weak one) matches no version. */
  public static Precondition ifMatch(String header) {
    if (header == null || header.isBlank()) {
      return NONE;
    }
    Set<Long> versions = new HashSet<>();
    for (String tag : header.split(",")) {
      String t = tag.strip();
      if (t.equals("*")) {
        return NONE;
      }
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        try {
          versions.add(Long.parseLong(t.substring(1, t.length() - 1)));
        } catch (NumberFormatException e) {
          // not one of ours: matches nothing
        }
      }
    }
    return new Precondition(false, versions);
  }

  /** The ETag of a version. */
  public static String etag(long version) {
    return Long.toString(version);
  }

  /** Throws 412 problem details unless the current version matches. */
  public void check(String what, long currentVersion) {
    if (!any && !versions.contains(currentVersion)) {
      throw new ProblemException(
          412,
          "Precondition Failed",
          what
              + " has changed (it is at version "
              + currentVersion
              + "); read it again and apply your change to the current version.");
    }
  }
}
