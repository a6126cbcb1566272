package org.lernstadt.catalogue.offer.service;

import org.lernstadt.catalogue.offer.rest.OfferPush;

/**
 * One offer to create or replace under its external id; {@code ifMatch} is the version the client
 * last saw, or {@code null}.
 */
public record PushItem(String externalId, Long ifMatch, OfferPush push) {}
