package org.lernstadt.catalogue.offer.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        .pool()
        .withTransaction(
            conn ->
                providerOf(conn, providerKey)
                    .chain(providerId -> pushIn(conn, providerId, externalId, ifMatch, push)));
  }

  /**
   * Creates or replaces one offer on the caller's connection, inside its transaction; a broken rule
   * fails with {@link ProblemException} before anything is written.
   */
  Uni<PushResult> pushIn(
      SqlConnection conn, UUID providerId, String externalId, Long ifMatch, OfferPush push) {
    List<FieldError> broken = OfferRules.check(push);
    if (!broken.isEmpty()) {
      return Uni.createFrom().failure(invalid(broken));
    }
    OfferContent content = OfferContent.of(push);
    return checkPlaces(conn, push)
        .chain(() -> offers.lock(conn, providerId, externalId))
        .chain(stored -> write(conn, providerId, externalId, ifMatch, push, content, stored));
  }

  /** Withdraws the offer; a withdrawn offer stays withdrawn on a repeated delete. */
  public Uni<OfferView> withdraw(String providerKey, String externalId) {
    return offers
        .pool()
        .withTransaction(
            conn ->
                providerOf(conn, providerKey)
                    .chain(providerId -> offers.lock(conn, providerId, externalId))
                    .chain(
                        stored -> {
                          OfferRepository.Stored offer =
                              stored.orElseThrow(
                                  () -> ProblemException.notFound("Offer " + externalId));
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

  private Uni<PushResult> write(
      SqlConnection conn,
      UUID providerId,
      String externalId,
      Long ifMatch,
      OfferPush push,
      OfferContent content,
      Optional<OfferRepository.Stored> stored) {
    if (ifMatch != null && (stored.isEmpty() || stored.get().version() != ifMatch)) {
      return Uni.createFrom()
          .failure(
              new ProblemException(
                  412,
                  "Precondition Failed",
                  "The offer has changed since version "
                      + ifMatch
                      + "; read it again and apply your change to the current version."));
    }
    if (stored.isEmpty()) {
      UUID id = UUID.randomUUID();
      return offers
          .insert(conn, id, providerId, externalId, push, content)
          .chain(() -> offers.load(conn, id))
          .call(view -> publish(conn, null, view, content))
          .map(view -> new PushResult(PushOutcome.CREATED, view));
    }
    OfferRepository.Stored before = stored.get();
    if (before.contentHash().equals(content.hash()) && before.status() == push.status()) {
      return offers
          .load(conn, before.id())
          .map(view -> new PushResult(PushOutcome.UNCHANGED, view));
    }
    return offers
        .update(conn, before.id(), push, content)
        .chain(() -> offers.load(conn, before.id()))
        .call(view -> publish(conn, before, view, content))
        .map(view -> new PushResult(PushOutcome.UPDATED, view));
  }

  /** The event a change means for the public: drafts are not public, so they have none. */
  private Uni<Void> publish(
      SqlConnection conn, OfferRepository.Stored before, OfferView after, OfferContent content) {
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
    return outbox.appendAll(conn, events).replaceWithVoid();
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

  private Uni<Void> checkPlaces(SqlConnection conn, OfferPush push) {
    Set<UUID> referenced =
        push.sessions().stream()
            .map(OfferPush.Session::learningPlaceId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());
    return offers
        .existingPlaces(conn, referenced)
        .map(
            found -> {
              List<FieldError> missing = new ArrayList<>();
              for (int i = 0; i < push.sessions().size(); i++) {
                UUID place = push.sessions().get(i).learningPlaceId();
                if (place != null && !found.contains(place)) {
                  missing.add(
                      new FieldError(
                          "sessions[" + i + "].learningPlaceId", "no learning place has this id"));
                }
              }
              if (!missing.isEmpty()) {
                throw invalid(missing);
              }
              return null;
            })
        .replaceWithVoid();
  }

  static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(
        422, "Unprocessable Content", "The offer breaks the catalogue's rules.", errors);
  }
}
