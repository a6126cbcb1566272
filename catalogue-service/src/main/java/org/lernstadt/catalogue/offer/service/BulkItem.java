package org.lernstadt.catalogue.offer.service;

import java.util.List;
import org.lernstadt.catalogue.offer.rest.OfferPush;
import org.lernstadt.platform.web.Problem.FieldError;

/**
 * One item of a bulk push as read from the request: either an offer to store, or the errors that
 * make it unreadable.
 */
public record BulkItem(int index, String externalId, OfferPush offer, List<FieldError> errors) {

  public static BulkItem valid(int index, String externalId, OfferPush offer) {
    return new BulkItem(index, externalId, offer, List.of());
  }

  public static BulkItem rejected(int index, String externalId, List<FieldError> errors) {
    return new BulkItem(index, externalId, null, List.copyOf(errors));
  }
}
