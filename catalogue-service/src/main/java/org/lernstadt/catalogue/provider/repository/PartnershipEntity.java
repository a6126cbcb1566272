package org.lernstadt.catalogue.provider.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.lernstadt.catalogue.provider.domain.PartnershipKind;

/** A row of {@code partnership}: two providers working together; active while not ended. */
@Entity(name = "CataloguePartnership")
@Table(name = "partnership")
public class PartnershipEntity {

  @Id public UUID id;

  @Column(name = "provider_a", nullable = false)
  public UUID providerA;

  @Column(name = "provider_b", nullable = false)
  public UUID providerB;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PartnershipKind kind;

  public LocalDate since;

  public String description;

  @Column(name = "ended_at")
  public LocalDate endedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  public OffsetDateTime createdAt;

  public boolean isActive() {
    return endedAt == null;
  }
}
