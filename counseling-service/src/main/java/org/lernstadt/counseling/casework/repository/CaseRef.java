package org.lernstadt.counseling.casework.repository;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.lernstadt.counseling.casework.domain.CaseStatus;
import org.lernstadt.counseling.casework.domain.Transition;

/** The pseudonymous frame of a case: what access rules, consents and events need. */
public record CaseRef(
    UUID id,
    UUID personId,
    UUID centreId,
    String counsellor,
    Transition transition,
    String stage,
    CaseStatus status,
    String outcome,
    String district,
    String ageBand,
    OffsetDateTime openedAt,
    OffsetDateTime closedAt) {}
