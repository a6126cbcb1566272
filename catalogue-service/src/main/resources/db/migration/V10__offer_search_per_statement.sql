-- offer_search is kept once per statement instead of once per row: a bulk push writes a chunk of
-- offers with one statement, and the copy of all of them is then one INSERT (or UPDATE) planned
-- once, instead of a trigger call with its own planned INSERT for every offer (a third of the
-- database's time in a bulk push went to planning). Transition tables hold the statement's rows.

drop trigger offer_search_keep on offer;
drop function offer_search_keep();

create function offer_search_added() returns trigger
    language plpgsql
    as $$
begin
    insert into offer_search (id, provider_id, status, title, topics, life_phases, target_groups,
        languages, accessibility, modality, cost_kind, district_codes, first_start, last_end,
        search, min_lat, max_lat, min_lon, max_lon)
    select n.id, n.provider_id, n.status, n.title, n.topics, n.life_phases, n.target_groups,
        n.languages, n.accessibility, n.modality, n.cost_kind, n.district_codes, n.first_start,
        n.last_end, offer_search_vector(n.title, n.topics, n.description), n.min_lat, n.max_lat,
        n.min_lon, n.max_lon
    from new_rows n;
    return null;
end $$;

create function offer_search_changed() returns trigger
    language plpgsql
    as $$
begin
    -- The vector is computed again only when its text changed (not for a status change).
    update offer_search s set provider_id = n.provider_id, status = n.status, title = n.title,
        topics = n.topics, life_phases = n.life_phases, target_groups = n.target_groups,
        languages = n.languages, accessibility = n.accessibility, modality = n.modality,
        cost_kind = n.cost_kind, district_codes = n.district_codes, first_start = n.first_start,
        last_end = n.last_end,
        search = case when (n.title, n.topics, n.description)
                           is not distinct from (o.title, o.topics, o.description)
                      then s.search
                      else offer_search_vector(n.title, n.topics, n.description) end,
        min_lat = n.min_lat, max_lat = n.max_lat, min_lon = n.min_lon, max_lon = n.max_lon
    from new_rows n join old_rows o on o.id = n.id
    where s.id = n.id;
    return null;
end $$;

create function offer_search_removed() returns trigger
    language plpgsql
    as $$
begin
    delete from offer_search s using old_rows r where s.id = r.id;
    return null;
end $$;

create trigger offer_search_added after insert on offer
    referencing new table as new_rows
    for each statement execute function offer_search_added();
create trigger offer_search_changed after update on offer
    referencing old table as old_rows new table as new_rows
    for each statement execute function offer_search_changed();
create trigger offer_search_removed after delete on offer
    referencing old table as old_rows
    for each statement execute function offer_search_removed();
