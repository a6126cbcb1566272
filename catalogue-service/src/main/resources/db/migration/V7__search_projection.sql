-- The search reads a narrow copy of each offer: what it filters, sorts, ranks and shows in a list
-- (about a third of an offer row, which also carries the pushed content, the description and the
-- partner's fields). A broad word matches a few percent of the catalogue and ranking reads every
-- match, so the width of the rows it reads is its cost. The copy is kept by triggers on offer,
-- in the same transaction as the offer's change, whatever writes it; the full-text vector is
-- computed there once (the generated column on offer goes).

-- The search's indexes move with it; offer keeps those of its keys and of the archiving.
drop index offer_search;
drop index offer_topics;
drop index offer_life_phases;
drop index offer_target_groups;
drop index offer_districts;
drop index offer_public_by_date;

create table offer_search (
    id              uuid primary key,
    provider_id     uuid not null,
    status          text not null,
    title           text not null,
    topics          text[] not null,
    life_phases     text[] not null,
    target_groups   text[] not null,
    languages       text[] not null,
    accessibility   text[] not null,
    modality        text not null,
    cost_kind       text not null,
    district_codes  text[] not null,
    first_start     timestamptz,
    last_end        timestamptz,
    search          tsvector not null
);

create function offer_search_vector(title text, topics text[], description text) returns tsvector
    language sql immutable parallel safe
    as $$ select setweight(to_tsvector('lernstadt_german', coalesce(title, '')), 'A')
           || setweight(to_tsvector('lernstadt_german', text_array_to_string(topics)), 'B')
           || setweight(to_tsvector('lernstadt_german', coalesce(description, '')), 'C') $$;

create function offer_search_keep() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'DELETE' then
        delete from offer_search where id = old.id;
        return null;
    end if;
    insert into offer_search (id, provider_id, status, title, topics, life_phases, target_groups,
        languages, accessibility, modality, cost_kind, district_codes, first_start, last_end,
        search)
    values (new.id, new.provider_id, new.status, new.title, new.topics, new.life_phases,
        new.target_groups, new.languages, new.accessibility, new.modality, new.cost_kind,
        new.district_codes, new.first_start, new.last_end,
        offer_search_vector(new.title, new.topics, new.description))
    on conflict (id) do update set provider_id = excluded.provider_id, status = excluded.status,
        title = excluded.title, topics = excluded.topics, life_phases = excluded.life_phases,
        target_groups = excluded.target_groups, languages = excluded.languages,
        accessibility = excluded.accessibility, modality = excluded.modality,
        cost_kind = excluded.cost_kind, district_codes = excluded.district_codes,
        first_start = excluded.first_start, last_end = excluded.last_end,
        search = excluded.search;
    return null;
end $$;

insert into offer_search
select id, provider_id, status, title, topics, life_phases, target_groups, languages,
       accessibility, modality, cost_kind, district_codes, first_start, last_end,
       offer_search_vector(title, topics, description)
from offer;

alter table offer drop column search;

create trigger offer_search_keep after insert or update or delete on offer
    for each row execute function offer_search_keep();


create index offer_search_text on offer_search using gin (search);
create index offer_search_topics on offer_search using gin (topics);
create index offer_search_life_phases on offer_search using gin (life_phases);
create index offer_search_target_groups on offer_search using gin (target_groups);
create index offer_search_districts on offer_search using gin (district_codes);
create index offer_search_by_date on offer_search ((coalesce(first_start, 'infinity'::timestamptz)), id)
    where status = 'PUBLISHED';
