package org.lernstadt.gateway.caching;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lernstadt.gateway.GatewayConfig;
import org.lernstadt.gateway.routing.DownstreamResponse;

/**
 * A short-lived cache of the answers to anonymous GETs. Such an answer is public by definition (the
 * service gave it without knowing who asked), so it may be reused for anybody for a few seconds,
 * and a conditional request whose ETag matches is answered 304 without calling the service. Answers
 * to callers with a token are never kept.
 */
@ApplicationScoped
public class PublicResponseCache {

  /** A kept answer. */
  public record Entry(DownstreamResponse response, String etag, long expiresAtNanos) {}

  private final GatewayConfig.Cache config;
  private final Map<String, Entry> entries;

  PublicResponseCache(GatewayConfig config) {
    this.config = config.cache();
    int max = this.config.maxEntries();
    this.entries =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PublicResponseCache.Entry> eldest) {
            return size() > max;
          }
        };
  }

  /** The cache key: the same path and query asked for the same representation. */
  public static String key(String service, String pathAndQuery, MultiMap requestHeaders) {
    return service
        + ' '
        + pathAndQuery
        + " accept="
        + requestHeaders.get("Accept")
        + " lang="
        + requestHeaders.get("Accept-Language");
  }

  /** A fresh entry, or null. */
  public synchronized Entry fresh(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (entry.expiresAtNanos() - System.nanoTime() <= 0) {
      entries.remove(key);
      return null;
    }
    return entry;
  }

  /**
   * Gives the answer its validator (the service's own ETag, or a hash of the body) and keeps it if
   * the service allows that.
   *
   * @return the answer's ETag
   */
  public String remember(String key, DownstreamResponse response) {
    String etag = etagOf(response);
    if (cacheable(response)) {
      Entry entry = new Entry(response, etag, System.nanoTime() + config.maxAge().toNanos());
      synchronized (this) {
        entries.put(key, entry);
      }
    }
    return etag;
  }

  public long maxAgeSeconds() {
    return config.maxAge().toSeconds();
  }

  /** Whether an If-None-Match header names this ETag (weak comparison, RFC 9110 13.1.2). */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || etag == null) {
      return false;
    }
    String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private boolean cacheable(DownstreamResponse response) {
    if (response.status() != 200
        || response.body().length() > config.maxEntrySize().asLongValue()) {
      return false;
    }
    String cacheControl = response.headers().get("Cache-Control");
    if (cacheControl != null) {
      String directives = cacheControl.toLowerCase(Locale.ROOT);
      if (directives.contains("no-store")
          || directives.contains("private")
          || directives.contains("no-cache")) {
        return false;
      }
    }
    return !response.headers().contains("Set-Cookie");
  }

  private static String etagOf(DownstreamResponse response) {
    String own = response.headers().get("ETag");
    return own != null ? own : '"' + hash(response.body()) + '"';
  }

  private static String hash(Buffer body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
