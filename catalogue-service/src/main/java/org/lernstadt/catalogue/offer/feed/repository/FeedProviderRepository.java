package org.lernstadt.catalogue.offer.feed.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The catalogue's providers as a feed's Organizations are matched against them. */
@ApplicationScoped
public class FeedProviderRepository {

  /**
   * The providers each name (compared in lower case by the database, so both sides are lowered
   * alike) and each {@link #site(String) site} belong to.
   */
  public record Matches(Map<String, List<UUID>> byName, Map<String, List<UUID>> bySite) {

    public List<UUID> named(String name) {
      return byName.getOrDefault(name, List.of());
    }

    public List<UUID> at(String website) {
      return bySite.getOrDefault(site(website), List.of());
    }
  }

  private static final String MATCHING =
      "select 'name' as by, n as key, p.id from unnest($1::text[]) n"
          + " join provider p on lower(p.name) = lower(n)"
          + " union all"
          + " select 'site', s, p.id from unnest($2::text[]) s join provider p"
          + " on rtrim(regexp_replace(lower(p.website), '^[a-z][a-z0-9+.-]*://(www\\.)?', ''), '/')"
          + " = s";

  @Inject Pool pool;

  public Uni<Matches> matching(Collection<String> names, Collection<String> websites) {
    return pool.preparedQuery(MATCHING)
        .execute(
            Tuple.of(
                names.toArray(String[]::new),
                websites.stream()
                    .map(FeedProviderRepository::site)
                    .distinct()
                    .toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, List<UUID>> byName = new HashMap<>();
              Map<String, List<UUID>> bySite = new HashMap<>();
              for (Row row : rows) {
                ("name".equals(row.getString("by")) ? byName : bySite)
                    .computeIfAbsent(row.getString("key"), k -> new ArrayList<>())
                    .add(row.getUUID("id"));
              }
              return new Matches(byName, bySite);
            });
  }

  public Uni<Boolean> exists(UUID id) {
    return pool.preparedQuery("select 1 from provider where id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() > 0);
  }

  /**
   * A web address without scheme, {@code www.} and trailing slashes, in lower case, so that {@code
   * https://www.vhs.example/} and {@code http://vhs.example} are the same site; the query above
   * makes a stored website alike.
   */
  public static String site(String url) {
    return url.toLowerCase(Locale.ROOT)
        .strip()
        .replaceFirst("^[a-z][a-z0-9+.-]*://(www\\.)?", "")
        .replaceAll("/+$", "");
  }
}
