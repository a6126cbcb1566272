package org.lernstadt.counseling.casework.service;

import jakarta.validation.constraints.NotNull;
import org.lernstadt.counseling.casework.domain.ReferralStatus;

/** The next status of a referral. */
public record ReferralUpdate(@NotNull ReferralStatus status) {}
