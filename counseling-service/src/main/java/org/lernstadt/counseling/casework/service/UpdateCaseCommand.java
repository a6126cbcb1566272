package org.lernstadt.counseling.casework.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.lernstadt.counseling.casework.domain.CaseStatus;
import org.lernstadt.counseling.casework.domain.Outcome;

/**
 * Changes of a case; absent fields stay as they are. Closing needs an outcome; the assigned
 * counsellor (a subject id) must be a counsellor of the case's centre.
 */
public record UpdateCaseCommand(
    @Size(max = 100) String counsellor,
    @Size(max = 60) String stage,
    CaseStatus status,
    Outcome outcome,
    @Size(max = 20000) String notes,
    @Valid PersonData person) {}
