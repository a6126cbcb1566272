package org.lernstadt.counseling.centre;

import jakarta.validation.constraints.NotNull;

/** A counsellor's membership of a centre; {@code lead} makes them its counselling lead. */
public record MemberCommand(@NotNull Boolean lead) {}
