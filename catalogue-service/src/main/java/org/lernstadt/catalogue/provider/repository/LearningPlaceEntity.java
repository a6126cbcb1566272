package org.lernstadt.catalogue.provider.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lernstadt.catalogue.provider.domain.LearningPlaceKind;

/** A row of {@code learning_place}: a physical place where people learn, run by a provider. */
@Entity(name = "CatalogueLearningPlace")
@Table(name = "learning_place")
public class LearningPlaceEntity {

  @Id public UUID id;

  @Column(name = "provider_id", nullable = false)
  public UUID providerId;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public LearningPlaceKind kind;

  /** A free label such as library, park or maker space. */
  public String category;

  public String street;

  @Column(name = "postal_code")
  public String postalCode;

  public String city;

  @Column(nullable = false)
  public Double latitude;

  @Column(nullable = false)
  public Double longitude;

  @Column(name = "district_code")
  public String districtCode;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "accessibility", columnDefinition = "text[]", nullable = false)
  public String[] accessibility = new String[0];

  @Column(name = "opening_hours")
  public String openingHours;

  @Version public Long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
