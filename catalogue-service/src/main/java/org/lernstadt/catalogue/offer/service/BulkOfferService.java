package org.lernstadt.catalogue.offer.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.lernstadt.catalogue.offer.mapping.BulkReport;
import org.lernstadt.catalogue.offer.repository.OfferRepository;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;

/**
 * Pushes many offers of one provider. Items are stored in chunks, one transaction each; an item
 * that breaks a rule is reported and skipped without touching the others, and should a chunk fail
 * for another reason its items are retried one by one, so one bad item never rejects good ones.
 */
@ApplicationScoped
public class BulkOfferService {

  public static final int MAX_ITEMS = 10_000;
  static final int CHUNK = 250;

  private static final Logger LOG = Logger.getLogger(BulkOfferService.class);

  @Inject PartnerOfferService single;
  @Inject OfferRepository offers;

  public Uni<BulkReport> push(String providerKey, List<BulkItem> items) {
    if (items.size() > MAX_ITEMS) {
      return Uni.createFrom()
          .failure(
              new ProblemException(
                  413,
                  "Content Too Large",
                  "A bulk request carries at most " + MAX_ITEMS + " offers; split it.",
                  List.of(new FieldError("$", "has " + items.size() + " items"))));
    }
    return single
        .providerOf(offers.pool(), providerKey)
        .chain(
            providerId ->
                Multi.createFrom()
                    .iterable(chunks(items))
                    .onItem()
                    .transformToUniAndConcatenate(chunk -> storeChunk(providerId, chunk))
                    .collect()
                    .in(ArrayList<BulkReport.Item>::new, List::addAll))
        .map(BulkReport::of);
  }

  private Uni<List<BulkReport.Item>> storeChunk(UUID providerId, List<BulkItem> chunk) {
    return offers
        .pool()
        .withTransaction(conn -> each(chunk, item -> storeOne(conn, providerId, item)))
        .onFailure()
        .recoverWithUni(
            failure -> {
              LOG.warnf("Bulk chunk failed, storing its items one by one: %s", failure);
              return each(
                  chunk,
                  item ->
                      offers
                          .pool()
                          .withTransaction(conn -> storeOne(conn, providerId, item))
                          .onFailure()
                          .recoverWithItem(
                              e ->
                                  rejected(
                                      item,
                                      List.of(
                                          new FieldError(
                                              "$", "could not be stored: " + reason(e))))));
            });
  }

  private Uni<BulkReport.Item> storeOne(
      io.vertx.mutiny.sqlclient.SqlConnection conn, UUID providerId, BulkItem item) {
    if (item.offer() == null) {
      return Uni.createFrom().item(rejected(item, item.errors()));
    }
    return single
        .pushIn(conn, providerId, item.externalId(), null, item.offer())
        .map(
            result ->
                new BulkReport.Item(
                    item.index(),
                    item.externalId(),
                    result.outcome().name().toLowerCase(),
                    result.offer().id(),
                    result.offer().version(),
                    List.of()))
        // A broken rule is found before anything is written, so the transaction stays usable.
        .onFailure(ProblemException.class)
        .recoverWithItem(e -> rejected(item, ((ProblemException) e).problem().errors()));
  }

  private static Uni<List<BulkReport.Item>> each(
      List<BulkItem> chunk, java.util.function.Function<BulkItem, Uni<BulkReport.Item>> store) {
    return Multi.createFrom()
        .iterable(chunk)
        .onItem()
        .transformToUniAndConcatenate(item -> store.apply(item))
        .collect()
        .asList();
  }

  private static BulkReport.Item rejected(BulkItem item, List<FieldError> errors) {
    return new BulkReport.Item(item.index(), item.externalId(), "rejected", null, null, errors);
  }

  private static String reason(Throwable e) {
    return e instanceof ProblemException p ? p.getMessage() : e.getClass().getSimpleName();
  }

  private static List<List<BulkItem>> chunks(List<BulkItem> items) {
    List<List<BulkItem>> chunks = new ArrayList<>();
    for (int i = 0; i < items.size(); i += CHUNK) {
      chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
    }
    return chunks;
  }
}
