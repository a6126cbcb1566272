-- Targets (the city's goals, reviewed yearly), early-warning rules and the alerts they raise.

create table target (
    indicator_code text    not null references indicator (code),
    area_code      text    not null references area (code),
    year           integer not null,
    target         numeric not null,
    guideline      text    not null default '',
    primary key (indicator_code, area_code, year)
);

create table rule (
    id             uuid primary key,
    indicator_code text    not null references indicator (code),
    -- null: every area that has the indicator
    area_code      text references area (code),
    kind           text    not null check (kind in ('BELOW', 'ABOVE', 'FALLING', 'RISING', 'DEVIATION_FROM_CITY')),
    threshold      numeric,
    periods        integer not null default 1 check (periods between 1 and 20),
    importance     text    not null check (importance in ('LOW', 'MEDIUM', 'HIGH')),
    missing        text    not null default 'SKIP_IF_ANY_MISSING'
                   check (missing in ('SKIP_IF_ANY_MISSING', 'SKIP_IF_ALL_MISSING', 'NEVER_SKIP')),
    created_at     timestamptz not null default now()
);

create index rule_indicator on rule (indicator_code);

-- An alert is raised once when its rule starts to hold for an area and resolved when it stops;
-- at most one open alert per rule and area.
create table alert (
    id             uuid primary key,
    rule_id        uuid        not null references rule (id) on delete cascade,
    indicator_code text        not null,
    area_code      text        not null,
    importance     text        not null,
    period         text        not null,
    message        text        not null,
    raised_at      timestamptz not null default now(),
    resolved_at    timestamptz,
    resolved_period text
);

create unique index alert_open on alert (rule_id, area_code) where resolved_at is null;
create index alert_raised on alert (raised_at desc);
