package org.lernstadt.counseling.casework.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lernstadt.counseling.casework.domain.Purpose;
import org.lernstadt.counseling.casework.mapping.ConsentView;
import org.lernstadt.counseling.casework.repository.CaseRef;
import org.lernstadt.counseling.casework.repository.CaseRepository;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.privacy.Audit;
import org.lernstadt.platform.web.ProblemException;

/**
 * Processing for a purpose needs a valid consent (or other legal basis) of that purpose. Without
 * one it is refused, unless a counselling lead of the case's centre overrides with a stated reason;
 * the override is recorded apart (consent_override) and in the audit.
 */
@ApplicationScoped
public class ConsentGate {

  @Inject CaseRepository cases;
  @Inject Audit audit;

  /** The valid consent, or null when a lead's override stood in for it. */
  public Uni<ConsentView> require(
      SqlConnection conn,
      CaseAccess.Granted granted,
      Purpose purpose,
      Caller caller,
      String overrideReason,
      String action) {
    CaseRef ref = granted.ref();
    return cases
        .validConsent(conn, ref.id(), purpose.name())
        .chain(
            found -> {
              if (found.isPresent()) {
                return Uni.createFrom().item(found.get());
              }
              if (overrideReason == null || overrideReason.isBlank()) {
                throw new ProblemException(
                    409,
                    "Consent Required",
                    "The case has no valid consent for "
                        + purpose
                        + "; record one, or a counselling lead may override with a reason.");
              }
              if (!caller.has(Caller.LEAD) || !granted.centres().leads(ref.centreId())) {
                throw new ProblemException(
                    403,
                    "Forbidden",
                    "Only a counselling lead of the case's centre may override a missing consent.");
              }
              String reason = overrideReason.strip();
              if (reason.length() > 500) {
                throw ProblemException.invalid("Consent-Override-Reason", "at most 500 characters");
              }
              return cases
                  .insertOverride(conn, ref.id(), purpose.name(), action, reason, caller.subject())
                  .chain(
                      () ->
                          audit.record(
                              conn,
                              caller,
                              new Audit.Entry(
                                  ref.id(),
                                  ref.personId(),
                                  ref.centreId(),
                                  action,
                                  purpose.name(),
                                  Audit.OVERRIDE,
                                  "consent override")))
                  .replaceWith((ConsentView) null);
            });
  }
}
