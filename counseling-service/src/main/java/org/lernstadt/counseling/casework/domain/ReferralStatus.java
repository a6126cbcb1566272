package org.lernstadt.counseling.casework.domain;

import java.util.Set;

/** A referral's life: proposed → accepted → started → completed, or declined on the way. */
public enum ReferralStatus {
  PROPOSED,
  ACCEPTED,
  STARTED,
  COMPLETED,
  DECLINED;

  public Set<ReferralStatus> next() {
    return switch (this) {
      case PROPOSED -> Set.of(ACCEPTED, DECLINED);
      case ACCEPTED -> Set.of(STARTED, DECLINED);
      case STARTED -> Set.of(COMPLETED, DECLINED);
      case COMPLETED, DECLINED -> Set.of();
    };
  }
}
