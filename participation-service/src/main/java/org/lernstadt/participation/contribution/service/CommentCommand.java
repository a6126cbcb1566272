package org.lernstadt.participation.contribution.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A comment on a contribution or, with {@code parentId}, a reply to a comment. */
public record CommentCommand(
    @NotNull @Size(max = 20000) String text,
    UUID parentId,
    @Pattern(regexp = "FOR|NEUTRAL|AGAINST", message = "must be FOR, NEUTRAL or AGAINST") String stance,
    @Size(max = 200) String displayName) {}
