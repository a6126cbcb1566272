package org.lernstadt.catalogue.offer.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** Chunks of one request stored at the same time, each in its own transaction. */
  static final int PARALLEL_CHUNKS = 2;

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
        .chain(providerId -> pushFor(providerId, items));
  }

  /**
   * Pushes the items as offers of the given provider; the caller has already decided that it may
   * act for that provider and that the request is within {@link #MAX_ITEMS}.
   */
  public Uni<BulkReport> pushFor(UUID providerId, List<BulkItem> items) {
    Map<String, Integer> firstIndex = new HashMap<>();
    int chunks = (items.size() + CHUNK - 1) / CHUNK;
    // Chunks hold distinct external ids, so they lock disjoint rows and can be stored side by
    // side; the database, not the service, is the bottleneck, and it has work for both while one
    // transaction waits for the other's round trip. A chunk's items are taken from the list (and
    // so read, see BulkItemReader) only when it is its turn, in order, while the database stores
    // the chunks before it.
    return Multi.createFrom()
        .range(0, chunks)
        .onItem()
        .transformToUni(
            i -> {
              List<BulkItem> chunk =
                  withoutRepeats(
                      items.subList(i * CHUNK, Math.min(items.size(), (i + 1) * CHUNK)),
                      firstIndex);
              return storeChunk(providerId, chunk).map(report -> Map.entry(i, report));
            })
        .merge(PARALLEL_CHUNKS)
        .collect()
        .asList()
        .map(
            done ->
                BulkReport.of(
                    done.stream()
                        .sorted(Map.Entry.comparingByKey())
                        .flatMap(chunk -> chunk.getValue().stream())
                        .toList()));
  }

  private Uni<List<BulkReport.Item>> storeChunk(UUID providerId, List<BulkItem> chunk) {
    return offers
        .inWriteTransaction(conn -> store(conn, providerId, chunk))
        .onFailure()
        .recoverWithUni(
            failure -> {
              LOG.warnf("Bulk chunk failed, storing its items one by one: %s", failure);
              return Multi.createFrom()
                  .iterable(chunk)
                  .onItem()
                  .transformToUniAndConcatenate(
                      item ->
                          offers
                              .inWriteTransaction(conn -> store(conn, providerId, List.of(item)))
                              .map(items -> items.get(0))
                              .onFailure()
                              .recoverWithItem(
                                  e ->
                                      rejected(
                                          item,
                                          List.of(
                                              new FieldError(
                                                  "$", "could not be stored: " + reason(e))))))
                  .collect()
                  .asList();
            });
  }

  /** Stores the readable items of a chunk together; the unreadable ones keep their errors. */
  private Uni<List<BulkReport.Item>> store(
      SqlConnection conn, UUID providerId, List<BulkItem> chunk) {
    List<BulkItem> readable = chunk.stream().filter(item -> item.offer() != null).toList();
    return single
        .pushAllIn(
            conn,
            providerId,
            readable.stream()
                .map(item -> new PushItem(item.externalId(), null, item.offer()))
                .toList())
        .map(
            results -> {
              Map<Integer, ItemResult> byIndex = new HashMap<>();
              for (int i = 0; i < readable.size(); i++) {
                byIndex.put(readable.get(i).index(), results.get(i));
              }
              return chunk.stream()
                  .map(
                      item -> {
                        ItemResult result = byIndex.get(item.index());
                        if (result == null) {
                          return rejected(item, item.errors());
                        }
                        if (result.error() != null) {
                          return rejected(item, result.error().problem().errors());
                        }
                        return new BulkReport.Item(
                            item.index(),
                            item.externalId(),
                            result.result().outcome().name().toLowerCase(),
                            result.result().offer().id(),
                            result.result().offer().version(),
                            List.of());
                      })
                  .toList();
            });
  }

  /**
   * An external id names one offer, so a request that carries it twice is ambiguous: the later
   * items are refused. {@code first} holds the index of each id's first item so far.
   */
  private static List<BulkItem> withoutRepeats(List<BulkItem> items, Map<String, Integer> first) {
    List<BulkItem> checked = new ArrayList<>(items.size());
    for (BulkItem item : items) {
      Integer earlier =
          item.externalId() == null ? null : first.putIfAbsent(item.externalId(), item.index());
      checked.add(
          earlier == null || item.offer() == null
              ? item
              : BulkItem.rejected(
                  item.index(),
                  item.externalId(),
                  List.of(
                      new FieldError(
                          "externalId",
                          "repeats the item at index " + earlier + " of this request"))));
    }
    return checked;
  }

  private static BulkReport.Item rejected(BulkItem item, List<FieldError> errors) {
    return new BulkReport.Item(item.index(), item.externalId(), "rejected", null, null, errors);
  }

  private static String reason(Throwable e) {
    return e instanceof ProblemException p ? p.getMessage() : e.getClass().getSimpleName();
  }
}
