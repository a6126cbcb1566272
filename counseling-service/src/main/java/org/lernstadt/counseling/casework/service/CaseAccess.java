package org.lernstadt.counseling.casework.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.lernstadt.counseling.casework.domain.CaseStatus;
import org.lernstadt.counseling.casework.domain.Purpose;
import org.lernstadt.counseling.casework.repository.CaseRef;
import org.lernstadt.counseling.casework.repository.CaseRepository;
import org.lernstadt.counseling.centre.Membership;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.privacy.Audit;
import org.lernstadt.platform.web.ProblemException;

/**
 * The gate to case data: a counsellor reaches only the cases of their own centre(s), a lead those
 * of the centres they belong to. Every access passes here and is audited on the connection of the
 * access (no audit, no access); a refused one is audited in a transaction of its own and answered
 * 404, so that another centre's case ids reveal nothing.
 */
@ApplicationScoped
public class CaseAccess {

  /** A granted access: the case and the caller's centres. */
  public record Granted(CaseRef ref, Membership.Centres centres) {}

  @Inject CaseRepository cases;
  @Inject Membership membership;
  @Inject Audit audit;

  /**
   * Opens the case for the caller and records the access.
   *
   * @param action what is done, e.g. {@code READ}, {@code SESSION_ADD}
   * @param lock whether to lock the case row for a change
   */
  public Uni<Granted> open(
      SqlConnection conn, UUID caseId, Caller caller, String action, boolean lock) {
    return membership
        .of(conn, caller.subject())
        .chain(
            mine ->
                cases
                    .ref(conn, caseId, lock)
                    .chain(
                        found -> {
                          if (found.isEmpty() || found.get().status() == CaseStatus.ERASED) {
                            throw ProblemException.notFound("Case " + caseId);
                          }
                          CaseRef ref = found.get();
                          if (!mine.memberOf(ref.centreId())) {
                            return audit
                                .recordDenied(
                                    caller,
                                    new Audit.Entry(
                                        ref.id(),
                                        ref.personId(),
                                        ref.centreId(),
                                        action,
                                        Purpose.COUNSELLING.name(),
                                        Audit.DENIED,
                                        "not a member of the case's centre"))
                                .chain(
                                    () ->
                                        Uni.createFrom()
                                            .<Granted>failure(
                                                ProblemException.notFound("Case " + caseId)));
                          }
                          return audit
                              .record(
                                  conn,
                                  caller,
                                  new Audit.Entry(
                                      ref.id(),
                                      ref.personId(),
                                      ref.centreId(),
                                      action,
                                      purposeOf(action),
                                      Audit.ALLOWED,
                                      null))
                              .replaceWith(new Granted(ref, mine));
                        }));
  }

  static String purposeOf(String action) {
    return action.startsWith("REFERRAL") ? Purpose.REFERRAL.name() : Purpose.COUNSELLING.name();
  }
}
