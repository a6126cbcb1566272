package org.lernstadt.counseling.privacy;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One audit record: who, in which role, which case, what, why, when, and whether allowed. */
public record AuditView(
    long id,
    OffsetDateTime at,
    String actor,
    String role,
    UUID caseId,
    UUID personId,
    UUID centreId,
    String action,
    String purpose,
    String outcome,
    String detail) {}
