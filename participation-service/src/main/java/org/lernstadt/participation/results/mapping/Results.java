package org.lernstadt.participation.results.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.participation.contribution.mapping.ContributionView;

/** The published results of a dialogue: what it gathered, its best rated, the city's answers. */
public record Results(
    UUID dialogueId,
    String title,
    OffsetDateTime publishedAt,
    Summary.Totals totals,
    List<Summary.CategoryCount> perCategory,
    List<Summary.DistrictCount> perDistrict,
    List<ContributionView> topRated,
    List<AnswerView> answers) {}
