package org.lernstadt.counseling.casework.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lernstadt.counseling.casework.domain.Purpose;
import org.lernstadt.counseling.casework.mapping.ReceivedReferralView;
import org.lernstadt.counseling.casework.repository.CaseRepository;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.common.Sql;
import org.lernstadt.counseling.privacy.Audit;
import org.lernstadt.counseling.privacy.PersonKeys;
import org.lernstadt.platform.web.ProblemException;

/**
 * The referrals to a partner institution's offers, for that institution: only what the person
 * consented to share, and only while the referral consent is valid. Each one shown is audited.
 */
@ApplicationScoped
public class ReceivedReferralService {

  private static final String QUERY =
      "select r.id, r.case_id, r.offer_id, r.status, r.proposed_at, r.accepted_at,"
          + " r.started_at, r.completed_at, r.declined_at, r.shared, c.person_id, c.centre_id,"
          + " p.wrapped_key, exists (select 1 from consent k where k.case_id = r.case_id"
          + " and k.purpose = 'REFERRAL' and k.withdrawn_at is null) as consented"
          + " from referral r join offer_ref o on o.offer_id = r.offer_id"
          + " join provider_ref pr on pr.provider_id = o.provider_id"
          + " join counselling_case c on c.id = r.case_id join person p on p.id = c.person_id"
          + " where pr.key = $1 and c.status <> 'ERASED'"
          + " order by r.proposed_at desc, r.id desc limit 500";

  @Inject CaseRepository cases;
  @Inject CaseService caseService;
  @Inject PersonKeys keys;
  @Inject Audit audit;

  /** The 500 newest referrals to the offers of the provider with this key. */
  public Uni<List<ReceivedReferralView>> forProvider(String providerKey, Caller caller) {
    if (providerKey == null || providerKey.isBlank()) {
      throw new ProblemException(403, "Forbidden", "The token names no provider (provider_id).");
    }
    return cases
        .pool()
        .withTransaction(
            conn ->
                conn.preparedQuery(QUERY)
                    .execute(Tuple.of(providerKey))
                    .chain(
                        rows -> {
                          List<ReceivedReferralView> views = new ArrayList<>();
                          List<Audit.Entry> entries = new ArrayList<>();
                          for (Row r : rows) {
                            views.add(view(r));
                            entries.add(
                                new Audit.Entry(
                                    r.getUUID("case_id"),
                                    r.getUUID("person_id"),
                                    r.getUUID("centre_id"),
                                    "REFERRAL_RECEIVER_READ",
                                    Purpose.REFERRAL.name(),
                                    Audit.ALLOWED,
                                    "referral " + r.getUUID("id") + " by provider " + providerKey));
                          }
                          return audit.recordAll(conn, caller, entries).replaceWith(views);
                        }));
  }

  @SuppressWarnings("unchecked")
  private ReceivedReferralView view(Row r) {
    byte[] wrapped = Sql.bytes(r, "wrapped_key");
    byte[] shared = Sql.bytes(r, "shared");
    Map<String, String> fields =
        r.getBoolean("consented") && wrapped != null && shared != null
            ? caseService.readAs(
                keys.unwrap(r.getUUID("person_id"), wrapped).open(shared), Map.class)
            : Map.of();
    return new ReceivedReferralView(
        r.getUUID("id"),
        r.getUUID("offer_id"),
        r.getString("status"),
        CaseRepository.utc(r.getOffsetDateTime("proposed_at")),
        CaseRepository.utc(r.getOffsetDateTime("accepted_at")),
        CaseRepository.utc(r.getOffsetDateTime("started_at")),
        CaseRepository.utc(r.getOffsetDateTime("completed_at")),
        CaseRepository.utc(r.getOffsetDateTime("declined_at")),
        fields);
  }
}
