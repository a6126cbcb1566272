package org.lernstadt.participation.observation.mapping;

import java.util.List;
import java.util.UUID;
import org.lernstadt.participation.form.FormField;

/** A citizen-science project of kind observation, with the fields each observation records. */
public record ProjectView(UUID id, String title, String description, List<FormField> fields) {}
