package org.lernstadt.participation.results.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The open data of a dialogue: every public contribution, comment and answer, with a description of
 * each field. Nothing hidden, nothing personal (no author, no display name).
 */
public record Export(
    UUID dialogueId,
    String title,
    String phase,
    Map<String, Map<String, String>> fields,
    List<PublicContribution> contributions,
    List<PublicComment> comments,
    List<AnswerView> answers) {

  /** What each column means, per entity; the CSV columns follow this order. */
  public static final Map<String, Map<String, String>> FIELDS = describeFields();

  private static Map<String, Map<String, String>> describeFields() {
    Map<String, String> contribution = new LinkedHashMap<>();
    contribution.put("id", "Contribution id (UUID)");
    contribution.put("dialogueId", "Dialogue id (UUID)");
    contribution.put("category", "Category code of the dialogue");
    contribution.put("district", "District code of the catalogue, empty if not given");
    contribution.put("lat", "Latitude (WGS 84), empty if not on the map");
    contribution.put("lon", "Longitude (WGS 84), empty if not on the map");
    contribution.put("placeRef", "Id of a learning place or offer of the catalogue, if linked");
    contribution.put("text", "The contribution as plain text");
    contribution.put("ratingCount", "Number of ratings");
    contribution.put("ratingScore", "Sum of up/down votes, or mean of 1-5 stars");
    contribution.put("commentCount", "Number of public comments");
    contribution.put("createdAt", "When it was written (ISO 8601)");
    Map<String, String> comment = new LinkedHashMap<>();
    comment.put("id", "Comment id (UUID)");
    comment.put("contributionId", "The contribution commented on");
    comment.put("parentId", "The comment replied to, empty for a comment on the contribution");
    comment.put("depth", "Nesting depth, 1 for a comment on the contribution");
    comment.put("stance", "FOR, NEUTRAL or AGAINST, empty if not given");
    comment.put("text", "The comment as plain text");
    comment.put("createdAt", "When it was written (ISO 8601)");
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("id", "Answer id (UUID)");
    answer.put("dialogueId", "Dialogue id (UUID)");
    answer.put("category", "The category answered, empty for an answer to one contribution");
    answer.put("contributionId", "The contribution answered, empty for a category answer");
    answer.put("status", "UNDER_CONSIDERATION, ACCEPTED, REJECTED or IMPLEMENTED");
    answer.put("progress", "Progress of the implementation in percent");
    answer.put("text", "The city's answer as plain text");
    answer.put("updatedAt", "When the answer last changed (ISO 8601)");
    return Map.of("contributions", contribution, "comments", comment, "answers", answer);
  }
}
