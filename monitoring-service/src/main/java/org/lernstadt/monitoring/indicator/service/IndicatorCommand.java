package org.lernstadt.monitoring.indicator.service;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.lernstadt.monitoring.indicator.domain.PeriodType;
import org.lernstadt.monitoring.indicator.domain.Polarity;
import org.lernstadt.monitoring.indicator.domain.Source;
import org.lernstadt.monitoring.indicator.domain.TopicArea;

/** An indicator definition as analysts write it; see {@code Indicator}. */
public record IndicatorCommand(
    @NotBlank @Size(max = 200) String name,
    @NotNull @Size(max = 2000) String description,
    @NotNull TopicArea topicArea,
    @NotBlank @Size(max = 60) String unit,
    @NotNull Polarity polarity,
    @NotBlank @Size(max = 200) String numerator,
    @NotBlank @Size(max = 200) String denominator,
    @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal factor,
    @Pattern(
            regexp = "TOTAL|0-5|6-9|10-15|16-24|25-44|45-64|65\\+",
            message = "must be TOTAL or an age band")
        String denominatorPopulation,
    @NotNull PeriodType periodType,
    @NotNull Source source,
    @NotBlank @Size(max = 300) String sourceName,
    @Size(max = 100) String computation,
    @NotNull @Size(max = 4) List<
                @Pattern(
                    regexp = "ageBand|transition|topic|category",
                    message = "must be ageBand, transition, topic or category")
                String>
            disaggregations,
    @Min(0) @Max(100) int minCellSize,
    @Min(0) @Max(4) int decimals) {}
