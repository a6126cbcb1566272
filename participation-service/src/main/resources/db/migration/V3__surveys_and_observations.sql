-- Surveys of dialogues and citizen-science observation projects, both defined by a form (a list
-- of typed fields, stored as JSON).

create table survey (
    id            uuid        primary key,
    dialogue_id   uuid        not null unique references dialogue (id),
    title         text        not null,
    form          jsonb       not null,
    -- Cells (question x district) with fewer responses are suppressed in public output.
    min_cell_size int         not null check (min_cell_size >= 1),
    published_at  timestamptz,
    created_at    timestamptz not null default now()
);

-- One response per citizen and survey.
create table survey_response (
    id          uuid        primary key,
    survey_id   uuid        not null references survey (id),
    respondent  text        not null,
    district    text,
    answers     jsonb       not null,
    created_at  timestamptz not null default now(),
    unique (survey_id, respondent)
);

create table observation_project (
    id          uuid        primary key,
    title       text        not null,
    description text        not null,
    form        jsonb       not null,
    created_by  text        not null,
    created_at  timestamptz not null default now()
);

create table observation (
    id            uuid        primary key,
    seq           bigint      generated always as identity unique,
    project_id    uuid        not null references observation_project (id),
    observer      text        not null,
    district      text,
    lat           double precision not null,
    lon           double precision not null,
    observed_at   timestamptz not null,
    photo_ref     text,
    answers       jsonb       not null,
    status        text        not null check (status in ('SUBMITTED', 'ACCEPTED', 'REJECTED')),
    review_reason text,
    reviewed_by   text,
    created_at    timestamptz not null default now()
);

create index observation_project_status on observation (project_id, status, seq);
