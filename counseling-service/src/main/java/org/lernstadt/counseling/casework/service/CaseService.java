package org.lernstadt.counseling.casework.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.lernstadt.counseling.casework.domain.AgeBand;
import org.lernstadt.counseling.casework.domain.CaseStatus;
import org.lernstadt.counseling.casework.domain.Purpose;
import org.lernstadt.counseling.casework.domain.SharedField;
import org.lernstadt.counseling.casework.domain.Stages;
import org.lernstadt.counseling.casework.domain.Transition;
import org.lernstadt.counseling.casework.event.CaseEvents;
import org.lernstadt.counseling.casework.mapping.CaseSummary;
import org.lernstadt.counseling.casework.mapping.CaseView;
import org.lernstadt.counseling.casework.mapping.ConsentView;
import org.lernstadt.counseling.casework.repository.CaseRef;
import org.lernstadt.counseling.casework.repository.CaseRepository;
import org.lernstadt.counseling.casework.repository.CaseRepository.CaseFilter;
import org.lernstadt.counseling.centre.Membership;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.privacy.Audit;
import org.lernstadt.counseling.privacy.PersonKey;
import org.lernstadt.counseling.privacy.PersonKeys;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.events.OutgoingEvent;
import org.lernstadt.platform.web.Cursor;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.ProblemException;

/**
 * Cases through transitions: opening, the centre's list, reading and changing a case, its consents.
 * Each operation is one transaction that passes {@link CaseAccess} (access rule and audit), checks
 * the consent of its purpose, seals personal fields with the person's key and writes its
 * pseudonymous events to the outbox.
 */
@ApplicationScoped
public class CaseService {

  @Inject CaseRepository cases;
  @Inject CaseAccess access;
  @Inject ConsentGate consent;
  @Inject Membership membership;
  @Inject PersonKeys keys;
  @Inject Audit audit;
  @Inject Outbox outbox;
  @Inject Stages stages;
  @Inject ObjectMapper json;

  /** Opens a case in one of the caller's centres, with a new person and its key. */
  public Uni<CaseView> open(OpenCaseCommand command, Caller caller, String overrideReason) {
    UUID caseId = UUID.randomUUID();
    String stage = stages.first(command.transition());
    String ageBand = AgeBand.of(command.person().birthDate(), LocalDate.now());
    return cases
        .pool()
        .withTransaction(
            conn ->
                membership
                    .of(conn, caller.subject())
                    .chain(
                        mine -> {
                          if (!mine.memberOf(command.centreId())) {
                            throw new ProblemException(
                                403,
                                "Forbidden",
                                "You are not a counsellor of centre " + command.centreId());
                          }
                          boolean consented =
                              command.consentList().stream()
                                  .anyMatch(c -> c.purpose() == Purpose.COUNSELLING);
                          return keys.create(conn)
                              .chain(
                                  key ->
                                      cases
                                          .insert(
                                              conn,
                                              caseId,
                                              key.personId(),
                                              command.centreId(),
                                              caller.subject(),
                                              command.transition(),
                                              stage,
                                              command.district(),
                                              ageBand,
                                              key.seal(write(command.person())),
                                              key.seal(command.notes()))
                                          .chain(
                                              () -> insertConsents(conn, caseId, command, caller))
                                          .chain(() -> cases.ref(conn, caseId, false))
                                          .map(found -> found.orElseThrow())
                                          .call(
                                              ref ->
                                                  audit.record(
                                                      conn,
                                                      caller,
                                                      new Audit.Entry(
                                                          caseId,
                                                          ref.personId(),
                                                          ref.centreId(),
                                                          "CASE_OPEN",
                                                          Purpose.COUNSELLING.name(),
                                                          Audit.ALLOWED,
                                                          null)))
                                          .call(
                                              ref ->
                                                  consented
                                                      ? Uni.createFrom().voidItem()
                                                      : consent.require(
                                                          conn,
                                                          new CaseAccess.Granted(ref, mine),
                                                          Purpose.COUNSELLING,
                                                          caller,
                                                          overrideReason,
                                                          "CASE_OPEN"))
                                          .call(
                                              ref ->
                                                  outbox.appendAll(
                                                      conn,
                                                      List.of(
                                                          CaseEvents.stage(
                                                              CaseEvents.OPENED, ref)))));
                        })
                    .chain(() -> view(conn, caseId)));
  }

  private Uni<Void> insertConsents(
      SqlConnection conn, UUID caseId, OpenCaseCommand command, Caller caller) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (ConsentCommand c : command.consentList()) {
      chain = chain.chain(() -> insertConsent(conn, caseId, c, caller));
    }
    return chain;
  }

  private Uni<Void> insertConsent(
      SqlConnection conn, UUID caseId, ConsentCommand c, Caller caller) {
    if (c.purpose() != Purpose.REFERRAL && !c.shared().isEmpty()) {
      throw ProblemException.invalid(
          "sharedFields", "only a REFERRAL consent names fields to share");
    }
    return cases.insertConsent(
        conn,
        UUID.randomUUID(),
        caseId,
        c.purpose().name(),
        c.legalBasis().name(),
        c.shared().stream().map(Enum::name).toList(),
        caller.subject());
  }

  /** The caller's centres' cases, newest first; each listed case is audited as read. */
  public Uni<Page<CaseSummary>> list(
      UUID centreId,
      Transition transition,
      String stage,
      CaseStatus status,
      PageRequest page,
      Caller caller) {
    OffsetDateTime afterOpenedAt =
        page.after() == null ? null : OffsetDateTime.parse(page.after().key(0));
    UUID afterId = page.after() == null ? null : UUID.fromString(page.after().key(1));
    return cases
        .pool()
        .withTransaction(
            conn ->
                membership
                    .of(conn, caller.subject())
                    .chain(
                        mine -> {
                          List<UUID> centres =
                              centreId == null
                                  ? List.copyOf(mine.all())
                                  : mine.memberOf(centreId) ? List.of(centreId) : List.of();
                          if (centreId != null && centres.isEmpty()) {
                            throw new ProblemException(
                                403, "Forbidden", "You are not a counsellor of centre " + centreId);
                          }
                          return cases.list(
                              conn,
                              new CaseFilter(centres, transition, stage, status),
                              afterOpenedAt,
                              afterId,
                              page.fetchSize());
                        })
                    .chain(
                        rows -> {
                          List<CaseSummary> summaries = new ArrayList<>(rows.size());
                          List<Audit.Entry> entries = new ArrayList<>(rows.size());
                          for (int i = 0; i < Math.min(rows.size(), page.limit()); i++) {
                            var row = rows.get(i);
                            CaseRef ref = row.ref();
                            PersonKey key = keys.unwrap(ref.personId(), row.wrappedKey());
                            summaries.add(
                                new CaseSummary(
                                    ref.id(),
                                    ref.centreId(),
                                    ref.counsellor(),
                                    ref.transition().name(),
                                    ref.stage(),
                                    ref.status().name(),
                                    ref.district(),
                                    ref.ageBand(),
                                    ref.openedAt(),
                                    read(key.open(row.personData())).name()));
                            entries.add(
                                new Audit.Entry(
                                    ref.id(),
                                    ref.personId(),
                                    ref.centreId(),
                                    "LIST",
                                    Purpose.COUNSELLING.name(),
                                    Audit.ALLOWED,
                                    null));
                          }
                          if (rows.size() > page.limit()) {
                            summaries.add(null);
                          }
                          return audit.recordAll(conn, caller, entries).replaceWith(summaries);
                        }))
        .map(
            summaries ->
                Page.of(
                    summaries, page, s -> Cursor.of(s.openedAt().toString(), s.id().toString())));
  }

  public Uni<CaseView> get(UUID caseId, Caller caller) {
    return cases
        .pool()
        .withTransaction(
            conn ->
                access.open(conn, caseId, caller, "READ", false).chain(() -> view(conn, caseId)));
  }

  /**
   * Changes stage, status, outcome, notes or person data. Any change is processing for COUNSELLING
   * and needs its valid consent (or a lead's override).
   */
  public Uni<CaseView> update(
      UUID caseId, UpdateCaseCommand command, Caller caller, String overrideReason) {
    return cases
        .pool()
        .withTransaction(
            conn ->
                access
                    .open(conn, caseId, caller, "UPDATE", true)
                    .call(
                        g ->
                            consent.require(
                                conn, g, Purpose.COUNSELLING, caller, overrideReason, "UPDATE"))
                    .call(g -> requireCounsellorOf(conn, g.ref(), command.counsellor()))
                    .chain(g -> applyUpdate(conn, g.ref(), command))
                    .chain(() -> view(conn, caseId)));
  }

  private Uni<Void> requireCounsellorOf(SqlConnection conn, CaseRef ref, String counsellor) {
    if (counsellor == null || counsellor.equals(ref.counsellor())) {
      return Uni.createFrom().voidItem();
    }
    return membership
        .of(conn, counsellor)
        .invoke(
            theirs -> {
              if (!theirs.memberOf(ref.centreId())) {
                throw ProblemException.invalid(
                    "counsellor", "is not a counsellor of the case's centre");
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> applyUpdate(SqlConnection conn, CaseRef ref, UpdateCaseCommand command) {
    String stage = command.stage() != null ? command.stage() : ref.stage();
    if (!stages.has(ref.transition(), stage)) {
      throw ProblemException.invalid(
          "stage", "must be one of " + stages.of(ref.transition()) + " for " + ref.transition());
    }
    CaseStatus status = command.status() != null ? command.status() : ref.status();
    if (status == CaseStatus.ERASED) {
      throw ProblemException.invalid("status", "a case is erased by the erasure of its person");
    }
    String outcome =
        status == CaseStatus.CLOSED
            ? (command.outcome() != null ? command.outcome().name() : ref.outcome())
            : null;
    if (status == CaseStatus.CLOSED && outcome == null) {
      throw ProblemException.invalid("outcome", "closing a case needs an outcome");
    }
    if (command.outcome() != null && status != CaseStatus.CLOSED) {
      throw ProblemException.invalid("outcome", "only a closed case has an outcome");
    }
    return cases
        .sealed(conn, ref.id())
        .chain(
            stored -> {
              PersonKey key = keys.unwrap(ref.personId(), stored.wrappedKey());
              byte[] person =
                  command.person() != null
                      ? key.seal(write(command.person()))
                      : stored.personData();
              byte[] notes = command.notes() != null ? key.seal(command.notes()) : stored.notes();
              List<OutgoingEvent> events = new ArrayList<>();
              CaseRef after =
                  new CaseRef(
                      ref.id(),
                      ref.personId(),
                      ref.centreId(),
                      ref.counsellor(),
                      ref.transition(),
                      stage,
                      status,
                      outcome,
                      ref.district(),
                      ref.ageBand(),
                      ref.openedAt(),
                      ref.closedAt());
              if (!stage.equals(ref.stage())) {
                events.add(CaseEvents.stage(CaseEvents.STAGE_REACHED, after));
              }
              if (status == CaseStatus.CLOSED && ref.status() != CaseStatus.CLOSED) {
                events.add(CaseEvents.closed(after, outcome));
              }
              return cases
                  .update(
                      conn,
                      ref.id(),
                      command.counsellor() != null ? command.counsellor() : ref.counsellor(),
                      stage,
                      status,
                      outcome,
                      person,
                      notes)
                  .chain(() -> outbox.appendAll(conn, events))
                  .replaceWithVoid();
            });
  }

  // Consents

  public Uni<List<ConsentView>> consents(UUID caseId, Caller caller) {
    return cases
        .pool()
        .withTransaction(
            conn ->
                access
                    .open(conn, caseId, caller, "CONSENT_READ", false)
                    .chain(() -> cases.consents(conn, caseId)));
  }

  /** Records a consent (or other legal basis) the person gave; needs no prior consent. */
  public Uni<List<ConsentView>> addConsent(UUID caseId, ConsentCommand command, Caller caller) {
    return cases
        .pool()
        .withTransaction(
            conn ->
                access
                    .open(conn, caseId, caller, "CONSENT_GRANT", true)
                    .chain(() -> insertConsent(conn, caseId, command, caller))
                    .chain(() -> cases.consents(conn, caseId)));
  }

  /** Withdraws a consent: from now on, processing for its purpose is refused. */
  public Uni<List<ConsentView>> withdrawConsent(UUID caseId, UUID consentId, Caller caller) {
    return cases
        .pool()
        .withTransaction(
            conn ->
                access
                    .open(conn, caseId, caller, "CONSENT_WITHDRAW", true)
                    .chain(() -> cases.withdrawConsent(conn, caseId, consentId, caller.subject()))
                    .chain(() -> cases.consents(conn, caseId))
                    .invoke(
                        all -> {
                          if (all.stream().noneMatch(c -> c.id().equals(consentId))) {
                            throw ProblemException.notFound("Consent " + consentId);
                          }
                        }));
  }

  /** The full view of a case, opened with the person's key; call after an access was granted. */
  Uni<CaseView> view(SqlConnection conn, UUID caseId) {
    return cases
        .sealed(conn, caseId)
        .chain(
            stored ->
                cases
                    .consents(conn, caseId)
                    .map(
                        consents -> {
                          CaseRef ref = stored.ref();
                          PersonKey key = keys.unwrap(ref.personId(), stored.wrappedKey());
                          return new CaseView(
                              ref.id(),
                              ref.personId(),
                              ref.centreId(),
                              ref.counsellor(),
                              ref.transition().name(),
                              ref.stage(),
                              stages.of(ref.transition()),
                              ref.status().name(),
                              ref.outcome(),
                              ref.district(),
                              ref.ageBand(),
                              ref.openedAt(),
                              ref.closedAt(),
                              read(key.open(stored.personData())),
                              key.open(stored.notes()),
                              consents);
                        }));
  }

  /** The person fields a referral consent names, read from the person's data. */
  Map<String, String> shared(PersonData person, List<String> fields) {
    Map<String, String> shared = new LinkedHashMap<>();
    for (String field : fields) {
      switch (SharedField.valueOf(field)) {
        case NAME -> shared.put("name", person.name());
        case BIRTH_DATE -> shared.put("birthDate", Objects.toString(person.birthDate(), null));
        case CONTACT -> shared.put("contact", person.contact());
      }
    }
    return shared;
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  PersonData read(String value) {
    return readAs(value, PersonData.class);
  }

  <T> T readAs(String value, Class<T> type) {
    try {
      return value == null ? null : json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Sealed person data is not " + type.getSimpleName(), e);
    }
  }
}
