package org.lernstadt.counseling.casework.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The person counselled; stored only encrypted with the person's key. */
public record PersonData(
    @NotBlank @Size(max = 200) String name,
    @Past LocalDate birthDate,
    @Size(max = 300) String contact) {}
