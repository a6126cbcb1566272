-- What the consumer keeps of the other services' events, so the live indicators are queries over
-- facts. Pseudonymous and aggregate only; rebuilt by replaying the topics from offset 0.

-- The catalogue's public offers (a read model of catalogue.offers.v1): an offer counts in every
-- year from its first to its last date, in each of its districts.
create table offer_fact (
    offer_id      uuid primary key,
    public        boolean not null,
    districts     text[]  not null,
    topics        text[]  not null,
    life_phases   text[]  not null,
    target_groups text[]  not null,
    free          boolean not null,
    first_year    integer not null,
    last_year     integer not null,
    version       integer not null
);

create index offer_fact_years on offer_fact (first_year, last_year) where public;

-- One row per counted occurrence: a case opened or closed, a referral made or completed, a
-- booking (amount = waiting days) or its cancellation, a contribution (participant = dialogue and
-- pseudonym), an event's attendance (amount). Keyed by the event, so a replay adds nothing.
create table event_fact (
    event_id    text        not null,
    kind        text        not null,
    subject     text        not null,
    district    text,
    year        integer     not null,
    category    text        not null default '',
    amount      numeric     not null default 1,
    participant text,
    occurred_at timestamptz not null,
    primary key (event_id, kind)
);

create index event_fact_kind on event_fact (kind, year, district);
create index event_fact_subject on event_fact (subject, kind);
