package org.lernstadt.catalogue.offer.feed.mapping;

import java.util.List;
import org.lernstadt.catalogue.offer.rest.OfferPush;
import org.lernstadt.platform.web.Problem.FieldError;

/**
 * One Course of a feed as the catalogue reads it: the offer it maps to and the provider it names,
 * or the fields that keep it out (paths in the feed's own terms, relative to the Course).
 */
public record FeedItem(
    int index, String externalId, FeedProvider provider, OfferPush offer, List<FieldError> errors) {

  /** The {@code provider} of a Course: its name and web addresses ({@code url}, {@code sameAs}). */
  public record FeedProvider(String name, List<String> websites) {

    public String describe() {
      return (name == null ? "without a name" : "'" + name + "'")
          + (websites.isEmpty() ? "" : " (" + String.join(", ", websites) + ")");
    }
  }
}
