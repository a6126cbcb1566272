package org.lernstadt.participation.meeting.mapping;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event as the public sees it, with its current counts. */
public record MeetingView(
    UUID id,
    UUID dialogueId,
    String kind,
    String title,
    String description,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    String place,
    String onlineUrl,
    String district,
    int capacity,
    int registered,
    int waitlisted,
    Integer attendance) {}
