-- Citizen dialogues: phases, contributions, threaded comments, ratings, moderation and the city's
-- answers. Citizens appear only as their token subject (for "one per citizen" rules and for
-- telling authors about moderation), never with a name; public views show a display name.

create extension if not exists pg_trgm;

create table dialogue (
    id                   uuid        primary key,
    title                text        not null,
    description          text        not null,
    questions            jsonb       not null,
    categories           text[]      not null,
    districts            text[]      not null,
    -- The phase the dialogue is in, and per phase its time window and allowed actions.
    phase                text        not null,
    phases               jsonb       not null,
    rating_mode          text        not null check (rating_mode in ('UPDOWN', 'STARS')),
    max_comment_depth    int         not null check (max_comment_depth between 1 and 10),
    max_comment_length   int         not null check (max_comment_length between 1 and 10000),
    report_threshold     int         not null check (report_threshold >= 1),
    anonymous_contributions boolean  not null default false,
    created_by           text        not null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    phase_changed_at     timestamptz not null default now()
);

create index dialogue_phase on dialogue (phase, created_at desc);
create index dialogue_districts on dialogue using gin (districts);

-- Status: VISIBLE; PENDING (hidden until a moderator looks: reported by enough citizens, or
-- written anonymously); HIDDEN (by a moderator, with a public reason); REMOVED (by a moderator);
-- DELETED (by its author: text and author erased). Only VISIBLE items are public.
create table contribution (
    id             uuid        primary key,
    seq            bigint      generated always as identity unique,
    dialogue_id    uuid        not null references dialogue (id),
    author         text,
    participant    text,
    display_name   text,
    body           text        not null,
    category       text        not null,
    district       text,
    lat            double precision,
    lon            double precision,
    place_ref      text,
    status         text        not null check (status in ('VISIBLE', 'PENDING', 'HIDDEN', 'REMOVED', 'DELETED')),
    status_reason  text,
    rating_count   int         not null default 0 check (rating_count >= 0),
    rating_sum     int         not null default 0,
    -- The sort key of "top": the sum of up/down votes, or the mean of the stars.
    score          double precision not null default 0,
    comment_count  int         not null default 0 check (comment_count >= 0),
    open_reports   int         not null default 0 check (open_reports >= 0),
    appealed       boolean     not null default false,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check ((lat is null) = (lon is null))
);

create index contribution_top on contribution (dialogue_id, score desc, seq desc) where status = 'VISIBLE';
create index contribution_new on contribution (dialogue_id, seq desc) where status = 'VISIBLE';
create index contribution_discussed on contribution (dialogue_id, comment_count desc, seq desc) where status = 'VISIBLE';
create index contribution_author on contribution (author, dialogue_id);
create index contribution_body_trgm on contribution using gin (body gin_trgm_ops);
create index contribution_queue on contribution (open_reports desc, seq) where open_reports > 0 or status = 'PENDING';

create table comment (
    id              uuid        primary key,
    seq             bigint      generated always as identity unique,
    contribution_id uuid        not null references contribution (id),
    parent_id       uuid        references comment (id),
    depth           int         not null check (depth >= 1),
    author          text,
    participant     text,
    display_name    text,
    body            text        not null,
    stance          text        check (stance in ('FOR', 'NEUTRAL', 'AGAINST')),
    status          text        not null check (status in ('VISIBLE', 'PENDING', 'HIDDEN', 'REMOVED', 'DELETED')),
    status_reason   text,
    open_reports    int         not null default 0 check (open_reports >= 0),
    appealed        boolean     not null default false,
    created_at      timestamptz not null default now()
);

create index comment_thread on comment (contribution_id, seq);
create index comment_queue on comment (open_reports desc, seq) where open_reports > 0 or status = 'PENDING';

-- One rating per citizen per contribution: the primary key enforces it.
create table rating (
    contribution_id uuid        not null references contribution (id),
    citizen         text        not null,
    value           smallint    not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (contribution_id, citizen)
);

-- One report per citizen per item.
create table report (
    id          uuid        primary key,
    item_kind   text        not null check (item_kind in ('CONTRIBUTION', 'COMMENT')),
    item_id     uuid        not null,
    dialogue_id uuid        not null references dialogue (id),
    reporter    text        not null,
    reason      text        not null check (reason in ('SPAM', 'OFFENSIVE', 'OFF_TOPIC', 'OTHER')),
    note        text,
    created_at  timestamptz not null default now(),
    unique (item_kind, item_id, reporter)
);

-- The audit list: every moderation step with who and why, automatic ones included.
create table moderation_decision (
    id          uuid        primary key,
    seq         bigint      generated always as identity unique,
    item_kind   text        not null check (item_kind in ('CONTRIBUTION', 'COMMENT')),
    item_id     uuid        not null,
    dialogue_id uuid        not null references dialogue (id),
    decision    text        not null,
    moderator   text,
    reason      text,
    created_at  timestamptz not null default now()
);

create index moderation_decision_item on moderation_decision (item_kind, item_id, seq);

-- An author's one appeal per item.
create table appeal (
    item_kind   text        not null,
    item_id     uuid        not null,
    author      text        not null,
    note        text        not null,
    created_at  timestamptz not null default now(),
    primary key (item_kind, item_id)
);

-- The city's answer to a category of a dialogue or to one contribution.
create table answer (
    id              uuid        primary key,
    dialogue_id     uuid        not null references dialogue (id),
    category        text,
    contribution_id uuid        references contribution (id),
    status          text        not null check (status in ('UNDER_CONSIDERATION', 'ACCEPTED', 'REJECTED', 'IMPLEMENTED')),
    progress        int         not null check (progress between 0 and 100),
    body            text        not null,
    answered_by     text        not null,
    updated_at      timestamptz not null default now(),
    check ((category is null) <> (contribution_id is null))
);

create unique index answer_category on answer (dialogue_id, category) where category is not null;
create unique index answer_contribution on answer (contribution_id) where contribution_id is not null;

-- The key of the participant pseudonyms in events (HMAC of subject and dialogue). Made once, at
-- random, by the first instance that needs it, unless the configuration provides one.
create table pseudonym_key (
    id     int   primary key check (id = 1),
    secret bytea not null
);
