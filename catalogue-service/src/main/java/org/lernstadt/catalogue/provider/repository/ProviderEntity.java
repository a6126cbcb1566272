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
import org.lernstadt.catalogue.provider.domain.ProviderKind;

/** A row of {@code provider}: an institution of the city's learning landscape. */
@Entity(name = "CatalogueProvider")
@Table(name = "provider")
public class ProviderEntity {

  @Id public UUID id;

  /** The slug a partner token names in its {@code provider_id} claim. */
  @Column(name = "key", nullable = false, unique = true)
  public String providerKey;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ProviderKind kind;

  public String street;

  @Column(name = "postal_code")
  public String postalCode;

  public String city;

  public Double latitude;

  public Double longitude;

  @Column(name = "district_code")
  public String districtCode;

  public String email;

  public String phone;

  public String website;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "accessibility", columnDefinition = "text[]", nullable = false)
  public String[] accessibility = new String[0];

  /** The Keycloak client allowed to act for this provider, if any. */
  @Column(name = "partner_client")
  public String partnerClient;

  @Version public Long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
