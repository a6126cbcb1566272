-- The catalogue: districts, providers (institutions), learning places, offers with sessions,
-- partnerships. Geo search uses cube + earthdistance and district assignment the built-in
-- polygon type, so that any PostgreSQL serves (no PostGIS).

create extension if not exists cube;
create extension if not exists earthdistance;
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- German full text with umlauts and ß folded, so "Muenchen", "München" and "Munchen" meet.
create text search configuration lernstadt_german (copy = german);
alter text search configuration lernstadt_german
    alter mapping for hword, hword_part, word with unaccent, german_stem;

-- array_to_string is only STABLE in general (element types may format by locale); for text[] it
-- is immutable, which a generated column requires.
create function text_array_to_string(text[]) returns text
    language sql immutable parallel safe
    as $$ select array_to_string($1, ' ') $$;

create table district (
    code      text primary key,
    name      text not null,
    boundary  polygon not null,
    geometry  jsonb not null
);
create index district_boundary on district using gist (boundary);

create table provider (
    id             uuid primary key,
    key            text not null unique,
    name           text not null,
    kind           text not null,
    street         text,
    postal_code    text,
    city           text,
    latitude       double precision,
    longitude      double precision,
    district_code  text references district (code),
    email          text,
    phone          text,
    website        text,
    accessibility  text[] not null default '{}',
    partner_client text unique,
    version        bigint not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint provider_location check ((latitude is null) = (longitude is null))
);

create table learning_place (
    id             uuid primary key,
    provider_id    uuid not null references provider (id),
    name           text not null,
    kind           text not null,
    street         text,
    postal_code    text,
    city           text,
    latitude       double precision not null,
    longitude      double precision not null,
    district_code  text references district (code),
    accessibility  text[] not null default '{}',
    opening_hours  text,
    version        bigint not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index learning_place_provider on learning_place (provider_id);
create index learning_place_district on learning_place (district_code);

create table offer (
    id                  uuid primary key,
    provider_id         uuid not null references provider (id),
    external_id         text not null,
    title               text not null,
    description         text not null default '',
    topics              text[] not null default '{}',
    sdgs                smallint[] not null default '{}',
    target_groups       text[] not null default '{}',
    life_phases         text[] not null default '{}',
    languages           text[] not null default '{}',
    modality            text not null,
    cost_kind           text not null,
    fee_cents           integer,
    reduced_fee_terms   text,
    accessibility       text[] not null default '{}',
    registration_url    text,
    capacity            integer,
    certificate         text,
    status              text not null,
    -- The pushed content as received (normalised) and its fingerprint: an unchanged push
    -- produces no new version and no event; a changed one names the fields that changed.
    content             jsonb not null,
    content_hash        text not null,
    version             bigint not null default 1,
    first_start         timestamptz,
    last_end            timestamptz,
    district_codes      text[] not null default '{}',
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    search              tsvector generated always as (
        setweight(to_tsvector('lernstadt_german', coalesce(title, '')), 'A')
        || setweight(to_tsvector('lernstadt_german', text_array_to_string(topics)), 'B')
        || setweight(to_tsvector('lernstadt_german', coalesce(description, '')), 'C')
    ) stored,
    unique (provider_id, external_id),
    constraint offer_capacity check (capacity is null or capacity > 0),
    constraint offer_fee check (fee_cents is null or fee_cents >= 0)
);
create index offer_search on offer using gin (search);
create index offer_title_trgm on offer using gin (title gin_trgm_ops);
create index offer_topics on offer using gin (topics);
create index offer_life_phases on offer using gin (life_phases);
create index offer_target_groups on offer using gin (target_groups);
create index offer_districts on offer using gin (district_codes);
create index offer_status_start on offer (status, first_start);
create index offer_last_end on offer (last_end) where status = 'PUBLISHED';

create table offer_session (
    id                 uuid primary key,
    offer_id           uuid not null references offer (id) on delete cascade,
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    learning_place_id  uuid references learning_place (id),
    address            text,
    latitude           double precision,
    longitude          double precision,
    district_code      text references district (code),
    online_url         text,
    constraint offer_session_order check (ends_at > starts_at),
    constraint offer_session_location check ((latitude is null) = (longitude is null))
);
create index offer_session_offer on offer_session (offer_id);
create index offer_session_start on offer_session (starts_at);
create index offer_session_earth on offer_session using gist (ll_to_earth(latitude, longitude))
    where latitude is not null;

create table partnership (
    id           uuid primary key,
    provider_a   uuid not null references provider (id),
    provider_b   uuid not null references provider (id),
    kind         text not null,
    since        date,
    description  text,
    ended_at     date,
    created_at   timestamptz not null default now(),
    constraint partnership_distinct check (provider_a <> provider_b)
);
create unique index partnership_pair on partnership (least(provider_a, provider_b), greatest(provider_a, provider_b), kind)
    where ended_at is null;
