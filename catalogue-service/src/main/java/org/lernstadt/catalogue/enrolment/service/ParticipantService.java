package org.lernstadt.catalogue.enrolment.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.lernstadt.catalogue.enrolment.domain.EnrolableOffer;
import org.lernstadt.catalogue.enrolment.mapping.ParticipantList;
import org.lernstadt.catalogue.enrolment.repository.EnrolmentRepository;
import org.lernstadt.catalogue.enrolment.repository.EnrolmentRepository.Participant;
import org.lernstadt.platform.web.Cursor;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;

/** A partner institution's view of the participants of its own offers. */
@ApplicationScoped
public class ParticipantService {

  @Inject EnrolmentRepository enrolments;

  /**
   * The active participants of the provider's offer {@code externalId} and the group's counts, read
   * in one snapshot. Another provider's offer is not found.
   */
  public Uni<ParticipantList> participants(
      String providerKey, String externalId, PageRequest page) {
    if (providerKey == null || providerKey.isBlank()) {
      return Uni.createFrom()
          .failure(
              new ProblemException(
                  403, "Forbidden", "The token does not name a provider (claim provider_id)."));
    }
    int afterRank = -1;
    long afterSeq = 0;
    if (page.after() != null) {
      try {
        afterRank = Integer.parseInt(page.after().key(0));
        afterSeq = Long.parseLong(page.after().key(1));
      } catch (RuntimeException e) {
        return Uni.createFrom()
            .failure(
                new ProblemException(
                    400,
                    "Bad Request",
                    "The cursor is not one this API issued.",
                    List.of(new FieldError("cursor", "not a valid cursor"))));
      }
    }
    int rank = afterRank;
    long seq = afterSeq;
    return enrolments
        .pool()
        .withTransaction(
            conn ->
                conn.query("set transaction isolation level repeatable read, read only")
                    .execute()
                    .chain(() -> enrolments.offerOfProvider(conn, providerKey, externalId))
                    .map(
                        found ->
                            found.orElseThrow(
                                () -> ProblemException.notFound("Offer " + externalId)))
                    .chain(
                        offer ->
                            enrolments
                                .counts(conn, offer.id())
                                .chain(
                                    counts ->
                                        enrolments
                                            .participants(
                                                conn, offer.id(), rank, seq, page.fetchSize())
                                            .map(rows -> list(offer, counts, rows, page)))));
  }

  private static ParticipantList list(
      EnrolableOffer offer, int[] counts, List<Participant> rows, PageRequest page) {
    Page<Participant> items =
        Page.of(rows, page, p -> Cursor.of(Integer.toString(p.rank()), Long.toString(p.seq())));
    return new ParticipantList(
        offer.id(),
        offer.externalId(),
        offer.capacity(),
        counts[0],
        counts[1],
        counts[2],
        items.items().stream().map(Participant::view).toList(),
        items.next());
  }
}
