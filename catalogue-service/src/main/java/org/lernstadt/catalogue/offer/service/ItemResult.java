package org.lernstadt.catalogue.offer.service;

import org.lernstadt.platform.web.ProblemException;

/** What became of one item of a push: stored, or refused for the reason given. */
public record ItemResult(PushResult result, ProblemException error) {

  static ItemResult done(PushResult result) {
    return new ItemResult(result, null);
  }

  static ItemResult failed(ProblemException error) {
    return new ItemResult(null, error);
  }

  PushResult orThrow() {
    if (error != null) {
      throw error;
    }
    return result;
  }
}
