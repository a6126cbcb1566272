package org.lernstadt.catalogue.offer.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lernstadt.catalogue.offer.domain.OfferContent;
import org.lernstadt.catalogue.offer.domain.OfferRules;
import org.lernstadt.catalogue.offer.domain.OfferStatus;
import org.lernstadt.catalogue.offer.event.OfferEvents;
import org.lernstadt.catalogue.offer.mapping.OfferView;
import org.lernstadt.catalogue.offer.repository.OfferRepository;
import org.lernstadt.catalogue.offer.rest.OfferPush;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.events.OutgoingEvent;
import org.lernstadt.platform.web.Cursor;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;

/**
 * Partner institutions maintain their own provider's offers. A push is idempotent: the same content
 * gives the same version and no event; the state change and its event commit together.
 */
@ApplicationScoped
public class PartnerOfferService {

  @Inject OfferRepository offers;
  @Inject Outbox outbox;
  @Inject ObjectMapper json;

  /**
   * Creates or replaces the offer {@code externalId} of the partner's provider.
   *
   * @param ifMatch the version the client last saw ({@code If-Match}), or {@code null}
   */
  public Uni<PushResult> push(String providerKey, String externalId, Long ifMatch, OfferPush push) {
    List<FieldError> broken = OfferRules.check(push);
    if (!broken.isEmpty()) {
      return Uni.createFrom().failure(invalid(broken));
    }
    return offers
        .inWriteTransaction(
            conn ->
                providerOf(conn, providerKey)
                    .chain(
                        providerId ->
                            pushAllIn(
                                conn,
                                providerId,
                                List.of(new PushItem(externalId, ifMatch, push)))))
        .map(results -> results.get(0).orThrow());
  }

  /**
   * Creates or replaces offers of one provider on the caller's connection, inside its transaction,
   * with one statement per step for all of them. Items that break a rule get their error and are
   * left out; such errors are found before anything is written, so the transaction stays usable for
   * the others. The external ids must be distinct.
   */
  Uni<List<ItemResult>> pushAllIn(SqlConnection conn, UUID providerId, List<PushItem> items) {
    ItemResult[] results = new ItemResult[items.size()];
    List<Integer> valid = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<FieldError> broken = OfferRules.check(items.get(i).push());
      if (broken.isEmpty()) {
        valid.add(i);
      } else {
        results[i] = ItemResult.failed(invalid(broken));
      }
    }
    if (valid.isEmpty()) {
      return Uni.createFrom().item(List.of(results));
    }
    return offers
        .existingPlaces(conn, referencedPlaces(items, valid))
        .chain(
            places -> {
              List<Integer> placed = new ArrayList<>();
              for (int i : valid) {
                List<FieldError> missing = missingPlaces(items.get(i).push(), places);
                if (missing.isEmpty()) {
                  placed.add(i);
                } else {
                  results[i] = ItemResult.failed(invalid(missing));
                }
              }
              return offers
                  .lockAll(
                      conn,
                      providerId,
                      placed.stream().map(i -> items.get(i).externalId()).toList())
                  .chain(stored -> write(conn, providerId, items, placed, stored, results));
            })
        .map(ignored -> List.of(results));
  }

  /** Withdraws the offer; a withdrawn offer stays withdrawn on a repeated delete. */
  public Uni<OfferView> withdraw(String providerKey, String externalId) {
    return offers.inWriteTransaction(
        conn ->
            providerOf(conn, providerKey)
                .chain(providerId -> offers.lockAll(conn, providerId, List.of(externalId)))
                .chain(
                    stored -> {
                      OfferRepository.Stored offer = stored.get(externalId);
                      if (offer == null) {
                        throw ProblemException.notFound("Offer " + externalId);
                      }
                      if (offer.status() == OfferStatus.WITHDRAWN) {
                        return offers.load(conn, offer.id());
                      }
                      boolean wasPublic = offer.status().isPublic();
                      return offers
                          .setStatus(conn, offer.id(), OfferStatus.WITHDRAWN)
                          .chain(() -> offers.load(conn, offer.id()))
                          .call(
                              view ->
                                  wasPublic
                                      ? outbox.appendAll(
                                          conn,
                                          List.of(
                                              OfferEvents.of(
                                                  OfferEvents.WITHDRAWN, view, List.of())))
                                      : Uni.createFrom().voidItem());
                    }));
  }

  public Uni<OfferView> get(String providerKey, String externalId) {
    return providerOf(offers.pool(), providerKey)
        .chain(providerId -> offers.idOf(offers.pool(), providerId, externalId))
        .chain(
            id ->
                offers.load(
                    offers.pool(),
                    id.orElseThrow(() -> ProblemException.notFound("Offer " + externalId))));
  }

  public Uni<Page<OfferView>> list(String providerKey, PageRequest page) {
    return providerOf(offers.pool(), providerKey)
        .chain(providerId -> offers.listForProvider(providerId, page))
        .map(rows -> Page.of(rows, page, offer -> Cursor.of(offer.externalId())));
  }

  private Uni<Void> write(
      SqlConnection conn,
      UUID providerId,
      List<PushItem> items,
      List<Integer> indexes,
      Map<String, OfferRepository.Stored> stored,
      ItemResult[] results) {
    List<OfferRepository.Write> inserts = new ArrayList<>();
    List<OfferRepository.Write> updates = new ArrayList<>();
    Map<UUID, PushOutcome> outcomes = new HashMap<>();
    Map<UUID, Integer> positions = new HashMap<>();
    for (int i : indexes) {
      PushItem item = items.get(i);
      OfferRepository.Stored before = stored.get(item.externalId());
      if (item.ifMatch() != null && (before == null || before.version() != item.ifMatch())) {
        results[i] = ItemResult.failed(changedSince(item.ifMatch()));
        continue;
      }
      OfferContent content = OfferContent.of(item.push());
      UUID id = before == null ? UUID.randomUUID() : before.id();
      positions.put(id, i);
      OfferRepository.Write w =
          new OfferRepository.Write(id, item.externalId(), item.push(), content);
      if (before == null) {
        inserts.add(w);
        outcomes.put(id, PushOutcome.CREATED);
      } else if (before.contentHash().equals(content.hash())
          && before.status() == item.push().status()) {
        outcomes.put(id, PushOutcome.UNCHANGED);
      } else {
        updates.add(w);
        outcomes.put(id, PushOutcome.UPDATED);
      }
    }
    if (positions.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<OfferRepository.Write> written = new ArrayList<>(inserts);
    written.addAll(updates);
    Map<UUID, OfferView> views = new HashMap<>();
    return offers
        .insertAll(conn, providerId, inserts)
        .invoke(views::putAll)
        .chain(() -> offers.updateAll(conn, providerId, updates))
        .invoke(views::putAll)
        .chain(() -> unchanged(conn, outcomes))
        .invoke(views::putAll)
        .chain(
            () -> {
              List<OutgoingEvent> events = new ArrayList<>();
              for (OfferRepository.Write w : written) {
                OfferRepository.Stored before = stored.get(w.externalId());
                events.addAll(eventsOf(before, views.get(w.id()), w.content()));
              }
              positions.forEach(
                  (id, i) ->
                      results[i] =
                          ItemResult.done(new PushResult(outcomes.get(id), views.get(id))));
              return outbox.appendAll(conn, events);
            })
        .replaceWithVoid();
  }

  /** The offers a push left unchanged, as stored, by id. */
  private Uni<Map<UUID, OfferView>> unchanged(SqlConnection conn, Map<UUID, PushOutcome> outcomes) {
    List<UUID> ids =
        outcomes.entrySet().stream()
            .filter(e -> e.getValue() == PushOutcome.UNCHANGED)
            .map(Map.Entry::getKey)
            .toList();
    return ids.isEmpty() ? Uni.createFrom().item(Map.of()) : offers.loadAll(conn, ids);
  }

  /** The event a change means for the public: drafts are not public, so they have none. */
  private List<OutgoingEvent> eventsOf(
      OfferRepository.Stored before, OfferView after, OfferContent content) {
    OfferStatus from = before == null ? null : before.status();
    OfferStatus to = OfferStatus.valueOf(after.status());
    List<OutgoingEvent> events = new ArrayList<>();
    if (to == OfferStatus.PUBLISHED && from != OfferStatus.PUBLISHED) {
      events.add(OfferEvents.of(OfferEvents.PUBLISHED, after, List.of()));
    } else if (to == OfferStatus.PUBLISHED) {
      events.add(OfferEvents.of(OfferEvents.UPDATED, after, changedFields(before, content)));
    } else if (to == OfferStatus.CANCELLED && from != null && from.isPublic() && from != to) {
      events.add(OfferEvents.of(OfferEvents.CANCELLED, after, List.of()));
    }
    return events;
  }

  private List<String> changedFields(OfferRepository.Stored before, OfferContent content) {
    try {
      return content.changedFields(json.readTree(before.content()));
    } catch (Exception e) {
      throw new IllegalStateException("Stored offer content is not JSON", e);
    }
  }

  Uni<UUID> providerOf(io.vertx.mutiny.sqlclient.SqlClient sql, String providerKey) {
    if (providerKey == null || providerKey.isBlank()) {
      return Uni.createFrom()
          .failure(
              new ProblemException(
                  403, "Forbidden", "The token does not name a provider (claim provider_id)."));
    }
    return offers
        .providerIdByKey(sql, providerKey)
        .map(
            id ->
                id.orElseThrow(
                    () ->
                        new ProblemException(
                            403,
                            "Forbidden",
                            "No provider is registered for provider_id "
                                + providerKey
                                + "; the city registers it first.")));
  }

  private static Set<UUID> referencedPlaces(List<PushItem> items, List<Integer> indexes) {
    return indexes.stream()
        .flatMap(i -> items.get(i).push().sessions().stream())
        .map(OfferPush.Session::learningPlaceId)
        .filter(id -> id != null)
        .collect(Collectors.toSet());
  }

  private static List<FieldError> missingPlaces(OfferPush push, Set<UUID> found) {
    List<FieldError> missing = new ArrayList<>();
    for (int i = 0; i < push.sessions().size(); i++) {
      UUID place = push.sessions().get(i).learningPlaceId();
      if (place != null && !found.contains(place)) {
        missing.add(
            new FieldError("sessions[" + i + "].learningPlaceId", "no learning place has this id"));
      }
    }
    return missing;
  }

  private static ProblemException changedSince(long version) {
    return new ProblemException(
        412,
        "Precondition Failed",
        "The offer has changed since version "
            + version
            + "; read it again and apply your change to the current version.");
  }

  static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(
        422, "Unprocessable Content", "The offer breaks the catalogue's rules.", errors);
  }
}
