package org.lernstadt.counseling.casework.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.counseling.casework.mapping.ReceivedReferralView;
import org.lernstadt.counseling.casework.service.ReceivedReferralService;
import org.lernstadt.counseling.common.Callers;

/** The receiving side of referrals: a partner institution sees the referrals to its offers. */
@Path("/v1/partner/referrals")
@RolesAllowed("partner")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner")
public class PartnerReferralResource {

  @Inject ReceivedReferralService referrals;
  @Inject Callers callers;
  @Inject JsonWebToken token;

  @GET
  @Operation(
      summary = "Referrals to the offers of the token's provider",
      description =
          "Status, dates and only the person fields the referral consent shares, while it is"
              + " valid; nothing else of the case. Each referral shown is audited.")
  public Uni<List<ReceivedReferralView>> list() {
    Object provider = token.getClaim("provider_id");
    String key =
        provider instanceof jakarta.json.JsonString json
            ? json.getString()
            : provider == null ? null : provider.toString();
    return callers.current().chain(caller -> referrals.forProvider(key, caller));
  }
}
