-- Spatial units, indicator definitions, data values, and what the analysis keeps (rules, alerts,
-- targets). Values keep numerator and denominator so they can be re-aggregated and suppressed.

-- City -> districts (-> statistical areas). A unit is valid from/to (to exclusive); a split or a
-- merge ends the old units and links them to their successors, so their history stays readable.
create table area (
    code        text primary key check (code ~ '^[A-Za-z0-9-]{1,40}$'),
    name        text not null,
    level       text not null check (level in ('CITY', 'DISTRICT', 'STATISTICAL_AREA')),
    parent_code text references area (code),
    valid_from  date not null default date '1900-01-01',
    valid_to    date,
    check (valid_to is null or valid_to > valid_from)
);

create table area_succession (
    predecessor text not null references area (code),
    successor   text not null references area (code),
    effective   date not null,
    primary key (predecessor, successor)
);

-- Inhabitants per unit, year and age band ('TOTAL' for all ages): the denominators of
-- "per 1,000 inhabitants" indicators.
create table population (
    area_code text    not null references area (code),
    year      integer not null,
    age_band  text    not null check (age_band in ('TOTAL', '0-5', '6-9', '10-15', '16-24', '25-44', '45-64', '65+')),
    persons   integer not null check (persons >= 0),
    primary key (area_code, year, age_band)
);

create table indicator (
    code                text primary key check (code ~ '^[A-Z0-9_]{2,60}$'),
    name                text    not null,
    description         text    not null,
    topic_area          text    not null,
    unit                text    not null,
    polarity            text    not null check (polarity in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEUTRAL')),
    numerator           text    not null,
    denominator         text    not null,
    factor              numeric not null check (factor > 0),
    -- population-based denominators: the age band whose inhabitants divide ('TOTAL' = all)
    denominator_population text check (denominator_population in ('TOTAL', '0-5', '6-9', '10-15', '16-24', '25-44', '45-64', '65+')),
    period_type         text    not null check (period_type in ('YEAR', 'QUARTER', 'MONTH')),
    source              text    not null check (source in ('IMPORT', 'EVENTS', 'SURVEY')),
    source_name         text    not null,
    -- for source EVENTS: the built-in computation; for SURVEY: "<question code>" or "<question code>=<option>"
    computation         text,
    disaggregations     text    not null default '',
    min_cell_size       integer not null default 5 check (min_cell_size >= 0),
    decimals            integer not null default 1 check (decimals between 0 and 4),
    updated_at          timestamptz not null default now()
);

-- One value per indicator, area, period and category; the total of an area has dimension ''.
create table data_value (
    indicator_code text        not null references indicator (code),
    area_code      text        not null references area (code),
    period         text        not null,
    period_start   date        not null,
    dimension      text        not null default '',
    category       text        not null default '',
    numerator      numeric     not null,
    denominator    numeric,
    value          numeric,
    origin         text        not null check (origin in ('IMPORT', 'EVENTS', 'SURVEY')),
    flagged        text,
    updated_at     timestamptz not null default now(),
    primary key (indicator_code, area_code, period, dimension, category)
);

create index data_value_series on data_value (indicator_code, area_code, dimension, category, period_start);

create table import_run (
    id          uuid primary key,
    imported_by text        not null,
    kind        text        not null,
    rows        integer     not null,
    created     integer     not null,
    updated     integer     not null,
    unchanged   integer     not null,
    imported_at timestamptz not null default now()
);
