package org.lernstadt.catalogue.district.service;

import io.smallrye.mutiny.Uni;

/**
 * Told when a district's boundary was created or changed, inside the same transaction, so that a
 * context holding located things (providers, learning places, offer sessions) can assign them their
 * district again. Implement it as a CDI bean; {@link DistrictService} calls every one.
 */
public interface DistrictChangeListener {

  /**
   * Reassigns the district of everything this context keeps that lies in the new boundary of {@code
   * code} or that was assigned to {@code code} before. Runs inside the transaction of the district
   * change (a Hibernate Reactive session transaction).
   */
  Uni<Void> boundaryChanged(String code);
}
