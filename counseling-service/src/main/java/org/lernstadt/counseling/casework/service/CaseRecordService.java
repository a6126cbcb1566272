package org.lernstadt.counseling.casework.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lernstadt.counseling.casework.domain.Purpose;
import org.lernstadt.counseling.casework.domain.ReferralStatus;
import org.lernstadt.counseling.casework.event.CaseEvents;
import org.lernstadt.counseling.casework.mapping.BiographyView;
import org.lernstadt.counseling.casework.mapping.ConsentView;
import org.lernstadt.counseling.casework.mapping.ReferralView;
import org.lernstadt.counseling.casework.mapping.SessionView;
import org.lernstadt.counseling.casework.repository.CaseRef;
import org.lernstadt.counseling.casework.repository.CaseRepository;
import org.lernstadt.counseling.casework.repository.CaseRepository.ReferralRow;
import org.lernstadt.counseling.casework.service.ReferralCommand.TargetKind;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.feedback.FeedbackInvitations;
import org.lernstadt.counseling.privacy.PersonKey;
import org.lernstadt.counseling.privacy.PersonKeys;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.web.ProblemException;

/**
 * What is recorded in a case: sessions, learning-biography entries and referrals. Like {@link
 * CaseService}, each operation passes the access gate and the consent of its purpose in its own
 * transaction.
 */
@ApplicationScoped
public class CaseRecordService {

  @Inject CaseRepository cases;
  @Inject CaseAccess access;
  @Inject ConsentGate consent;
  @Inject CaseService caseService;
  @Inject PersonKeys keys;
  @Inject Outbox outbox;
  @Inject FeedbackInvitations feedback;

  // Sessions

  /** Records a session held; its answer carries a one-time feedback token for the person. */
  public Uni<SessionView> addSession(
      UUID caseId, SessionCommand command, Caller caller, String overrideReason) {
    UUID id = UUID.randomUUID();
    List<String> topics = command.topics() == null ? List.of() : command.topics();
    return cases
        .pool()
        .withTransaction(
            conn ->
                access
                    .open(conn, caseId, caller, "SESSION_ADD", true)
                    .call(
                        g ->
                            consent.require(
                                conn,
                                g,
                                Purpose.COUNSELLING,
                                caller,
                                overrideReason,
                                "SESSION_ADD"))
                    .chain(
                        g ->
                            key(conn, g.ref())
                                .chain(
                                    key ->
                                        cases.insertSession(
                                            conn,
                                            id,
                                            caseId,
                                            command.heldAt(),
                                            command.format().name(),
                                            command.durationMinutes(),
                                            topics,
                                            key.seal(command.note()),
                                            caller.subject()))
                                .chain(
                                    () ->
                                        outbox.appendAll(
                                            conn,
                                            List.of(
                                                CaseEvents.sessionHeld(
                                                    g.ref(),
                                                    command.format().name(),
                                                    command.durationMinutes()))))
                                .chain(() -> feedback.invite(conn, g.ref().centreId()))
                                .map(
                                    token ->
                                        new SessionView(
                                            id,
                                            command.heldAt(),
                                            command.format().name(),
                                            command.durationMinutes(),
                                            topics,
                                            command.note(),
                                            caller.subject(),
                                            token))));
  }

  public Uni<List<SessionView>> sessions(UUID caseId, Caller caller) {
    return cases
        .pool()
        .withTransaction(
            conn ->
                access
                    .open(conn, caseId, caller, "SESSION_READ", false)
                    .chain(g -> key(conn, g.ref()))
                    .chain(key -> sessionsOf(conn, caseId, key)));
  }

  Uni<List<SessionView>> sessionsOf(SqlConnection conn, UUID caseId, PersonKey key) {
    return cases
        .sessions(conn, caseId)
        .map(
            rows ->
                rows.stream()
                    .map(
                        r ->
                            new SessionView(
                                r.id(),
                                r.heldAt(),
                                r.format(),
                                r.durationMinutes(),
                                r.topics(),
                                key.open(r.note()),
                                r.recordedBy(),
                                null))
                    .toList());
  }

  // Biography

  public Uni<BiographyView> addBiography(
      UUID caseId, BiographyCommand command, Caller caller, String overrideReason) {
    UUID id = UUID.randomUUID();
    return cases
        .pool()
        .withTransaction(
            conn ->
                access
                    .open(conn, caseId, caller, "BIOGRAPHY_ADD", true)
                    .call(
                        g ->
                            consent.require(
                                conn,
                                g,
                                Purpose.COUNSELLING,
                                caller,
                                overrideReason,
                                "BIOGRAPHY_ADD"))
                    .chain(
                        g ->
                            key(conn, g.ref())
                                .chain(
                                    key ->
                                        cases.insertBiography(
                                            conn,
                                            id,
                                            caseId,
                                            command.kind().name(),
                                            command.occurredOn(),
                                            key.seal(command.content()),
                                            caller.subject())))
                    .chain(() -> biographyOf(conn, caseId))
                    .map(
                        all ->
                            all.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow()));
  }

  public Uni<List<BiographyView>> biography(UUID caseId, Caller caller) {
    return cases
        .pool()
        .withTransaction(
            conn ->
                access
                    .open(conn, caseId, caller, "BIOGRAPHY_READ", false)
                    .chain(() -> biographyOf(conn, caseId)));
  }

  Uni<List<BiographyView>> biographyOf(SqlConnection conn, UUID caseId) {
    return cases
        .ref(conn, caseId, false)
        .chain(ref -> key(conn, ref.orElseThrow()))
        .chain(
            key ->
                cases
                    .biography(conn, caseId)
                    .map(
                        rows ->
                            rows.stream()
                                .map(
                                    r ->
                                        new BiographyView(
                                            r.id(),
                                            r.kind(),
                                            r.occurredOn(),
                                            key.open(r.content()),
                                            r.recordedBy(),
                                            r.recordedAt()))
                                .toList()));
  }

  // Referrals

  /**
   * Refers the person to a published catalogue offer or to a partner institution. Needs a valid
   * REFERRAL consent (or a lead's override); the receiver sees only the fields that consent names.
   */
  public Uni<ReferralView> refer(
      UUID caseId, ReferralCommand command, Caller caller, String overrideReason) {
    if (command.targetKind() == TargetKind.OFFER
        && (command.offerId() == null || command.institution() != null)) {
      throw ProblemException.invalid("offerId", "a referral to an OFFER names the offerId only");
    }
    if (command.targetKind() == TargetKind.INSTITUTION
        && (command.institution() == null
            || command.institution().isBlank()
            || command.offerId() != null)) {
      throw ProblemException.invalid(
          "institution", "a referral to an INSTITUTION names the institution only");
    }
    UUID id = UUID.randomUUID();
    return cases
        .pool()
        .withTransaction(
            conn ->
                access
                    .open(conn, caseId, caller, "REFERRAL_MAKE", true)
                    .chain(
                        g ->
                            consent
                                .require(
                                    conn,
                                    g,
                                    Purpose.REFERRAL,
                                    caller,
                                    overrideReason,
                                    "REFERRAL_MAKE")
                                .call(() -> requirePublishedOffer(conn, command))
                                .chain(given -> insertReferral(conn, g.ref(), id, command, given)))
                    .chain(() -> referralView(conn, id)));
  }

  private Uni<Void> requirePublishedOffer(SqlConnection conn, ReferralCommand command) {
    if (command.targetKind() != TargetKind.OFFER) {
      return Uni.createFrom().voidItem();
    }
    return cases
        .offerStatus(conn, command.offerId())
        .invoke(
            status -> {
              if (status.isEmpty() || !"PUBLISHED".equals(status.get())) {
                throw ProblemException.invalid(
                    "offerId",
                    "is not a published offer of the catalogue"
                        + status.map(s -> " (it is " + s + ")").orElse(""));
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> insertReferral(
      SqlConnection conn, CaseRef ref, UUID id, ReferralCommand command, ConsentView given) {
    List<String> fields = given == null ? List.of() : given.sharedFields();
    return cases
        .sealed(conn, ref.id())
        .chain(
            stored -> {
              PersonKey key = keys.unwrap(ref.personId(), stored.wrappedKey());
              Map<String, String> shared =
                  caseService.shared(caseService.read(key.open(stored.personData())), fields);
              return cases.insertReferral(
                  conn,
                  id,
                  ref.id(),
                  command.targetKind().name(),
                  command.offerId(),
                  command.institution(),
                  shared.isEmpty() ? null : key.seal(caseService.write(shared)));
            })
        .chain(
            () ->
                outbox.appendAll(
                    conn,
                    List.of(
                        CaseEvents.referral(
                            CaseEvents.REFERRAL_MADE,
                            ref,
                            id,
                            command.targetKind().name(),
                            command.offerId()))))
        .replaceWithVoid();
  }

  public Uni<List<ReferralView>> referrals(UUID caseId, Caller caller) {
    return cases
        .pool()
        .withTransaction(
            conn ->
                access
                    .open(conn, caseId, caller, "REFERRAL_READ", false)
                    .chain(g -> key(conn, g.ref()))
                    .chain(key -> referralsOf(conn, caseId, key)));
  }

  Uni<List<ReferralView>> referralsOf(SqlConnection conn, UUID caseId, PersonKey key) {
    return cases
        .referrals(conn, caseId)
        .map(rows -> rows.stream().map(r -> toView(r, key)).toList());
  }

  /**
   * Moves a referral along proposed → accepted → started → completed, or to declined; a step that
   * the status machine does not allow is refused with 409.
   */
  public Uni<ReferralView> updateReferral(
      UUID referralId, ReferralUpdate update, Caller caller, String overrideReason) {
    return cases
        .pool()
        .withTransaction(
            conn ->
                cases
                    .referral(conn, referralId, false)
                    .map(
                        found ->
                            found.orElseThrow(
                                () -> ProblemException.notFound("Referral " + referralId)))
                    .chain(
                        row ->
                            access
                                .open(conn, row.caseId(), caller, "REFERRAL_UPDATE", true)
                                .call(
                                    g ->
                                        consent.require(
                                            conn,
                                            g,
                                            Purpose.REFERRAL,
                                            caller,
                                            overrideReason,
                                            "REFERRAL_UPDATE"))
                                .chain(g -> move(conn, g.ref(), referralId, update.status())))
                    .chain(() -> referralView(conn, referralId)));
  }

  private Uni<Void> move(SqlConnection conn, CaseRef ref, UUID referralId, ReferralStatus to) {
    return cases
        .referral(conn, referralId, true)
        .map(found -> found.orElseThrow())
        .chain(
            row -> {
              ReferralStatus from = ReferralStatus.valueOf(row.status());
              if (from == to) {
                return Uni.createFrom().voidItem();
              }
              if (!from.next().contains(to)) {
                throw ProblemException.conflict(
                    "A referral that is "
                        + from
                        + " cannot become "
                        + to
                        + "; next: "
                        + from.next());
              }
              String type =
                  switch (to) {
                    case COMPLETED -> CaseEvents.REFERRAL_COMPLETED;
                    case DECLINED -> CaseEvents.REFERRAL_DECLINED;
                    default -> null;
                  };
              return cases
                  .referralStatus(conn, referralId, to.name())
                  .chain(
                      () ->
                          type == null
                              ? Uni.createFrom().voidItem()
                              : outbox
                                  .appendAll(
                                      conn,
                                      List.of(
                                          CaseEvents.referral(
                                              type,
                                              ref,
                                              referralId,
                                              row.targetKind(),
                                              row.offerId())))
                                  .replaceWithVoid());
            });
  }

  private Uni<ReferralView> referralView(SqlConnection conn, UUID referralId) {
    return cases
        .referral(conn, referralId, false)
        .map(found -> found.orElseThrow())
        .chain(
            row ->
                cases
                    .ref(conn, row.caseId(), false)
                    .chain(ref -> key(conn, ref.orElseThrow()))
                    .map(key -> toView(row, key)));
  }

  @SuppressWarnings("unchecked")
  private ReferralView toView(ReferralRow r, PersonKey key) {
    String shared = key.open(r.shared());
    return new ReferralView(
        r.id(),
        r.caseId(),
        r.targetKind(),
        r.offerId(),
        r.institution(),
        r.status(),
        r.proposedAt(),
        r.acceptedAt(),
        r.startedAt(),
        r.completedAt(),
        r.declinedAt(),
        r.offerUnavailable(),
        shared == null ? Map.of() : caseService.readAs(shared, Map.class));
  }

  private Uni<PersonKey> key(SqlConnection conn, CaseRef ref) {
    return keys.load(conn, ref.personId())
        .map(found -> found.orElseThrow(() -> ProblemException.notFound("Case " + ref.id())));
  }
}
