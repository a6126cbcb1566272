package org.lernstadt.catalogue.offer.service;

import org.lernstadt.catalogue.offer.mapping.OfferView;

public record PushResult(PushOutcome outcome, OfferView offer) {}
