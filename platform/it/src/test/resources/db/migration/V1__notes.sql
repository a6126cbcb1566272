create table note (
    id       uuid primary key,
    text     text not null,
    priority int  not null
);

-- The consumer's effect: how often each note's event was applied.
create table note_tally (
    note_id uuid primary key,
    applied int not null
);
