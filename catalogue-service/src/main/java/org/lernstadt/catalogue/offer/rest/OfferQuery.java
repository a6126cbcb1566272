package org.lernstadt.catalogue.offer.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.common.AccessibilityFeature;
import org.lernstadt.catalogue.offer.domain.LifePhase;
import org.lernstadt.catalogue.offer.domain.Modality;
import org.lernstadt.catalogue.offer.domain.TargetGroup;
import org.lernstadt.catalogue.offer.domain.Topic;

/** The public search's query parameters; every filter is optional and they combine with AND. */
public class OfferQuery {

  /** Words to find, German stemming, umlauts folded; quotes and {@code -word} as on the web. */
  @QueryParam("q")
  @Size(max = 200) public String q;

  @QueryParam("topic")
  public List<Topic> topics;

  @QueryParam("lifePhase")
  public List<LifePhase> lifePhases;

  @QueryParam("targetGroup")
  public List<TargetGroup> targetGroups;

  @QueryParam("language")
  public List<@Pattern(regexp = "[a-z]{2,3}") String> languages;

  @QueryParam("accessibility")
  public List<AccessibilityFeature> accessibility;

  @QueryParam("modality")
  public Modality modality;

  @QueryParam("free")
  public Boolean free;

  @QueryParam("provider")
  public UUID provider;

  @QueryParam("district")
  @Size(max = 40) public String district;

  @QueryParam("lat")
  @DecimalMin("-90") @DecimalMax("90") public Double lat;

  @QueryParam("lon")
  @DecimalMin("-180") @DecimalMax("180") public Double lon;

  @QueryParam("radiusKm")
  @DecimalMin(value = "0", inclusive = false) @DecimalMax("200") public Double radiusKm;

  /** Offers with a date on or after this time (default: now). */
  @QueryParam("from")
  public OffsetDateTime from;

  /** Offers with a date before this time. */
  @QueryParam("to")
  public OffsetDateTime to;

  @QueryParam("sort")
  @Pattern(regexp = "relevance|date|distance") public String sort;

  @QueryParam("limit")
  public Integer limit;

  @QueryParam("cursor")
  public String cursor;
}
