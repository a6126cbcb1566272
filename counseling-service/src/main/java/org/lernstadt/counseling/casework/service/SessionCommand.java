package org.lernstadt.counseling.casework.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.lernstadt.counseling.centre.SlotCommand.Format;

/** A counselling session held; the note is encrypted. */
public record SessionCommand(
    @NotNull @PastOrPresent OffsetDateTime heldAt,
    @NotNull Format format,
    @NotNull @Min(1) @Max(600) Integer durationMinutes,
    @Size(max = 10) List<@NotBlank @Size(max = 60) String> topics,
    @Size(max = 20000) String note) {}
