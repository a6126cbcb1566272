package org.lernstadt.catalogue.offer.feed.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lernstadt.catalogue.offer.feed.mapping.CourseMapper;
import org.lernstadt.catalogue.offer.feed.mapping.FeedDocument;
import org.lernstadt.catalogue.offer.feed.mapping.FeedFields;
import org.lernstadt.catalogue.offer.feed.mapping.FeedItem;
import org.lernstadt.catalogue.offer.feed.mapping.FeedItem.FeedProvider;
import org.lernstadt.catalogue.offer.feed.repository.FeedProviderRepository;
import org.lernstadt.catalogue.offer.feed.repository.FeedProviderRepository.Matches;
import org.lernstadt.catalogue.offer.mapping.BulkReport;
import org.lernstadt.catalogue.offer.service.BulkItem;
import org.lernstadt.catalogue.offer.service.BulkOfferService;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;

/**
 * Imports the Courses of another portal's schema.org feed as offers of the catalogue's providers.
 * Each Course is matched to a registered provider (its website first, then its exact name in any
 * case) unless the editor names the one provider of the whole feed; providers are never created.
 * The offers are stored per provider by the partner bulk push, with its rules, events and report.
 */
@ApplicationScoped
public class FeedImportService {

  @Inject CourseMapper mapper;
  @Inject FeedProviderRepository providers;
  @Inject BulkOfferService bulk;

  /**
   * @param provider the provider of every Course of the feed, or null to match each Course's own
   */
  public Uni<BulkReport> importFeed(JsonNode root, UUID provider) {
    FeedDocument feed = FeedDocument.of(root);
    List<JsonNode> courses = feed.items();
    if (courses.size() > BulkOfferService.MAX_ITEMS) {
      throw new ProblemException(
          413,
          "Content Too Large",
          "A feed import carries at most " + BulkOfferService.MAX_ITEMS + " courses; split it.",
          List.of(new FieldError("$", "has " + courses.size() + " items")));
    }
    List<FeedItem> items = new ArrayList<>(courses.size());
    for (int i = 0; i < courses.size(); i++) {
      items.add(mapper.map(i, courses.get(i), feed));
    }
    Uni<Map<Integer, UUID>> owners =
        provider == null ? matchProviders(items) : theOneProvider(provider, items);
    return owners.chain(owner -> store(items, owner));
  }

  private Uni<Map<Integer, UUID>> theOneProvider(UUID provider, List<FeedItem> items) {
    return providers
        .exists(provider)
        .map(
            found -> {
              if (!found) {
                throw ProblemException.invalid("provider", "names no provider of the catalogue");
              }
              Map<Integer, UUID> owners = new LinkedHashMap<>();
              items.forEach(item -> owners.put(item.index(), provider));
              return owners;
            });
  }

  /** The provider of each item whose feed provider is found once; the others are left out. */
  private Uni<Map<Integer, UUID>> matchProviders(List<FeedItem> items) {
    Set<String> names = new HashSet<>();
    Set<String> websites = new HashSet<>();
    for (FeedItem item : items) {
      if (item.provider() != null) {
        if (item.provider().name() != null) {
          names.add(item.provider().name());
        }
        websites.addAll(item.provider().websites());
      }
    }
    return providers
        .matching(names, websites)
        .map(
            matches -> {
              Map<Integer, UUID> owners = new LinkedHashMap<>();
              for (FeedItem item : items) {
                UUID id = match(item.provider(), matches);
                if (id != null) {
                  owners.put(item.index(), id);
                }
              }
              return owners;
            });
  }

  /** By website first, then by name; a website or name two providers share decides nothing. */
  private static UUID match(FeedProvider provider, Matches matches) {
    if (provider == null) {
      return null;
    }
    for (String website : provider.websites()) {
      if (matches.at(website).size() == 1) {
        return matches.at(website).get(0);
      }
    }
    List<UUID> named = provider.name() == null ? List.of() : matches.named(provider.name());
    return named.size() == 1 ? named.get(0) : null;
  }

  private Uni<BulkReport> store(List<FeedItem> items, Map<Integer, UUID> owners) {
    List<BulkReport.Item> report = new ArrayList<>();
    Map<UUID, List<BulkItem>> byProvider = new LinkedHashMap<>();
    for (FeedItem item : items) {
      UUID owner = owners.get(item.index());
      if (!item.errors().isEmpty()) {
        report.add(rejected(item, item.errors()));
      } else if (owner == null) {
        report.add(rejected(item, List.of(new FieldError("provider", unmatched(item.provider())))));
      } else {
        byProvider
            .computeIfAbsent(owner, id -> new ArrayList<>())
            .add(BulkItem.valid(item.index(), item.externalId(), item.offer()));
      }
    }
    return Multi.createFrom()
        .iterable(byProvider.entrySet())
        .onItem()
        .transformToUniAndConcatenate(group -> bulk.pushFor(group.getKey(), group.getValue()))
        .collect()
        .in(() -> report, (all, part) -> part.items().forEach(i -> all.add(withFeedFields(i))))
        .map(
            all -> {
              all.sort(Comparator.comparingInt(BulkReport.Item::index));
              return BulkReport.of(all);
            });
  }

  private static String unmatched(FeedProvider provider) {
    if (provider == null) {
      return "is required: the Organization that offers the course, or the provider query"
          + " parameter for a feed of one institution";
    }
    return "names "
        + provider.describe()
        + ", which matches no single provider of the catalogue by website or name; register it"
        + " first or give the provider query parameter";
  }

  private static BulkReport.Item rejected(FeedItem item, List<FieldError> errors) {
    return new BulkReport.Item(item.index(), item.externalId(), "rejected", null, null, errors);
  }

  /** The partner bulk names the offer's fields; the feed's editor knows the Course's. */
  private static BulkReport.Item withFeedFields(BulkReport.Item item) {
    return new BulkReport.Item(
        item.index(),
        item.externalId(),
        item.outcome(),
        item.id(),
        item.version(),
        item.errors() == null ? null : FeedFields.of(item.errors()));
  }
}
