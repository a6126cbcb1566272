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

  /**
   * The {@code provider} of a Course: its {@code @id}, name and web addresses ({@code url}, {@code
   * sameAs}).
   */
  public record FeedProvider(String id, String name, List<String> websites) {

    /** The provider as the feed names it, for a reason that tells the editor which it was. */
    public String describe() {
      List<String> parts = new java.util.ArrayList<>();
      if (name != null) {
        parts.add("'" + name + "'");
      }
      parts.addAll(websites);
      if (parts.isEmpty()) {
        parts.add(id == null ? "no name or website" : id);
      }
      return String.join(", ", parts);
    }
  }
}
