package org.lernstadt.participation.meeting.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An event to schedule: a place or an online link (at least one), and a capacity. */
public record MeetingCommand(
    UUID dialogueId,
    @NotNull @Pattern(
            regexp = "KICK_OFF|ROUNDTABLE|WORKSHOP|ONLINE_ROUNDTABLE",
            message = "must be KICK_OFF, ROUNDTABLE, WORKSHOP or ONLINE_ROUNDTABLE")
        String kind,
    @NotBlank @Size(max = 200) String title,
    @Size(max = 5000) String description,
    @NotNull OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    @Size(max = 500) String place,
    @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL") String onlineUrl,
    @Pattern(regexp = "[A-Za-z0-9_-]{1,20}", message = "must be a district code of the catalogue") String district,
    @NotNull @Min(1) @Max(100000) Integer capacity) {

  /** The number of people who came, recorded after the event. */
  public record Attendance(@NotNull @Min(0) @Max(1000000) Integer attendance) {}
}
