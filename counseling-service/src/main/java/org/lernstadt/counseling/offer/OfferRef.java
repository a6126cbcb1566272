package org.lernstadt.counseling.offer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A catalogue offer in the local read model (table {@code offer_ref}), as the consumer sees it
 * through Hibernate Reactive; the referral rules read the same table with plain SQL.
 */
@Entity
@Table(name = "offer_ref")
public class OfferRef {

  @Id
  @Column(name = "offer_id")
  public UUID offerId;

  @Column(name = "provider_id")
  public UUID providerId;

  public String status;
  public int version;
}
