-- The area summary (GET /v1/areas/{code}/indicators) finds the latest totals of one area across
-- all indicators, then every cell of those periods of each indicator (for suppression); neither
-- access starts with the primary key's (indicator, area).
create index data_value_area_totals on data_value (area_code, indicator_code, period_start)
    where dimension = '';
create index data_value_period on data_value (indicator_code, period);
