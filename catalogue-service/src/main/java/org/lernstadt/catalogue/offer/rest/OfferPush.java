package org.lernstadt.catalogue.offer.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lernstadt.catalogue.common.AccessibilityFeature;
import org.lernstadt.catalogue.offer.domain.CostKind;
import org.lernstadt.catalogue.offer.domain.LifePhase;
import org.lernstadt.catalogue.offer.domain.Modality;
import org.lernstadt.catalogue.offer.domain.OfferStatus;
import org.lernstadt.catalogue.offer.domain.TargetGroup;
import org.lernstadt.catalogue.offer.domain.Topic;

/**
 * An offer as a partner institution pushes it. Text is taken as plain text: it is stored and
 * returned as given and never rendered as markup.
 */
public record OfferPush(
    @NotBlank @Size(max = 200) String title,
    @Size(max = 10_000) String description,
    @NotEmpty @Size(max = 10) Set<@NotNull Topic> topics,
    @Size(max = 17) Set<@NotNull @Min(1) @Max(17) Integer> sdgs,
    @Size(max = 10) Set<@NotNull TargetGroup> targetGroups,
    @NotEmpty @Size(max = 6) Set<@NotNull LifePhase> lifePhases,
    @Size(max = 10) Set<@NotNull @Pattern(regexp = "[a-z]{2,3}") String> languages,
    @NotNull Modality modality,
    @NotNull @Valid Cost cost,
    @Size(max = 10) Set<@NotNull AccessibilityFeature> accessibility,
    @Size(max = 2000) @Pattern(regexp = WEB_ADDRESS, message = "must be an http or https address") String registrationUrl,
    @Min(1) @Max(100_000) Integer capacity,
    @Size(max = 200) String certificate,
    @NotNull OfferStatus status,
    @NotNull @Size(max = 500) List<@NotNull @Valid Session> sessions) {

  static final String WEB_ADDRESS = "https?://[^\\s<>\"]{1,2000}";

  public record Cost(
      @NotNull CostKind kind,
      @PositiveOrZero @Max(100_000_00) Integer feeCents,
      @Size(max = 1000) String reducedFeeTerms) {}

  /** One date of the offer: a learning place, an address with a point, or an online link. */
  public record Session(
      @NotNull OffsetDateTime start,
      @NotNull OffsetDateTime end,
      UUID learningPlaceId,
      @Size(max = 300) String address,
      @Valid Location location,
      @Size(max = 2000) @Pattern(regexp = WEB_ADDRESS, message = "must be an http or https address") String onlineUrl) {}

  public record Location(
      @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
      @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {}
}
