package org.lernstadt.participation.contribution.mapping;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.lernstadt.participation.contribution.domain.ItemStatus;

/**
 * A contribution as shown: public ones to everybody, with status and the moderator's reason to its
 * author.
 */
public record ContributionView(
    UUID id,
    UUID dialogueId,
    String text,
    String category,
    String district,
    Location location,
    String placeRef,
    String displayName,
    ItemStatus status,
    String statusReason,
    int ratingCount,
    double ratingScore,
    int commentCount,
    OffsetDateTime createdAt) {

  /** A point on the map (WGS 84). */
  public record Location(
      @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.DecimalMin("-90") @jakarta.validation.constraints.DecimalMax("90") Double lat,
      @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.DecimalMin("-180") @jakarta.validation.constraints.DecimalMax("180") Double lon) {}
}
