package org.lernstadt.counseling.casework.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.counseling.casework.service.PersonData;

/** A case as its counsellors see it, with the decrypted person data and notes. */
public record CaseView(
    UUID id,
    UUID personId,
    UUID centreId,
    String counsellor,
    String transition,
    String stage,
    List<String> stages,
    String status,
    String outcome,
    String district,
    String ageBand,
    OffsetDateTime openedAt,
    OffsetDateTime closedAt,
    PersonData person,
    String notes,
    List<ConsentView> consents) {}
