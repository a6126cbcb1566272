package org.lernstadt.catalogue.offer.domain;

import java.util.ArrayList;
import java.util.List;
import org.lernstadt.catalogue.offer.rest.OfferPush;
import org.lernstadt.platform.web.Problem.FieldError;

/** The rules of an offer that span several fields; single fields are checked by validation. */
public final class OfferRules {

  private OfferRules() {}

  /** Every broken rule with the field it concerns; empty when the offer may be stored. */
  public static List<FieldError> check(OfferPush offer) {
    List<FieldError> errors = new ArrayList<>();
    if (!offer.status().settableByProvider()) {
      errors.add(
          new FieldError("status", "must be DRAFT, PUBLISHED or CANCELLED; delete to withdraw"));
    }
    OfferPush.Cost cost = offer.cost();
    if (cost.kind() == CostKind.FREE && cost.feeCents() != null && cost.feeCents() > 0) {
      errors.add(new FieldError("cost.feeCents", "must be empty or 0 for a free offer"));
    }
    if (cost.kind() != CostKind.FREE && cost.feeCents() == null) {
      errors.add(new FieldError("cost.feeCents", "is required for an offer with a fee"));
    }
    if (cost.kind() == CostKind.REDUCED_FEE_AVAILABLE
        && (cost.reducedFeeTerms() == null || cost.reducedFeeTerms().isBlank())) {
      errors.add(new FieldError("cost.reducedFeeTerms", "must say who pays a reduced fee"));
    }
    for (int i = 0; i < offer.sessions().size(); i++) {
      OfferPush.Session session = offer.sessions().get(i);
      String field = "sessions[" + i + "]";
      if (!session.end().isAfter(session.start())) {
        errors.add(new FieldError(field + ".end", "must be after start"));
      }
      boolean onSite = session.learningPlaceId() != null || session.location() != null;
      if (offer.modality() != Modality.ONLINE && !onSite) {
        errors.add(
            new FieldError(
                field + ".location", "an on-site date needs a learningPlaceId or a location"));
      }
      if (offer.modality() != Modality.ON_SITE
          && (session.onlineUrl() == null || session.onlineUrl().isBlank())) {
        errors.add(new FieldError(field + ".onlineUrl", "an online date needs an onlineUrl"));
      }
    }
    return errors;
  }
}
