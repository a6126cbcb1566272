-- Enrolment in fixed groups (e.g. parent training groups of at most 10 parents): citizens enrol in
-- offers with a capacity; when the group is full they join its waiting list, and a freed place
-- goes to the first on the list in the same transaction.
--
-- The capacity is enforced here, not only in the application: every enrolment operation of an
-- offer first locks its tally row (so they run one after the other per offer), a place is taken
-- only by `enrolled = enrolled + 1 ... where enrolled < capacity`, and the CHECK refuses any
-- write that would put more people in the group than it holds. At most one active enrolment per
-- citizen and offer is a unique index.

create table enrolment_tally (
    offer_id    uuid primary key references offer (id) on delete cascade,
    -- The limit in force: the offer's capacity, or the number enrolled if the provider lowered
    -- the capacity below it (nobody loses a place; nobody moves up until the group is below the
    -- new capacity).
    capacity    integer not null,
    enrolled    integer not null default 0,
    waitlisted  integer not null default 0,
    updated_at  timestamptz not null default now(),
    constraint enrolment_tally_capacity check (enrolled <= capacity),
    constraint enrolment_tally_counts check (enrolled >= 0 and waitlisted >= 0)
);

create table enrolment (
    id            uuid primary key,
    offer_id      uuid not null references offer (id) on delete cascade,
    -- The citizen's subject id (the token's sub); the catalogue holds no names.
    citizen       text not null,
    status        text not null,
    -- Arrival order: the waiting list is served in this order.
    seq           bigint generated always as identity,
    requested_at  timestamptz not null default now(),
    enrolled_at   timestamptz,
    cancelled_at  timestamptz,
    constraint enrolment_status check (status in ('ENROLLED', 'WAITLISTED', 'CANCELLED')),
    constraint enrolment_enrolled_at check ((status = 'ENROLLED') <= (enrolled_at is not null)),
    constraint enrolment_cancelled_at check ((status = 'CANCELLED') = (cancelled_at is not null))
);
create unique index enrolment_active on enrolment (offer_id, citizen)
    where status in ('ENROLLED', 'WAITLISTED');
create index enrolment_offer_queue on enrolment (offer_id, status, seq);
create index enrolment_citizen on enrolment (citizen);
