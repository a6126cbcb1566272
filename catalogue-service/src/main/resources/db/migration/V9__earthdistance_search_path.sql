-- earthdistance's ll_to_earth names cube, earth() and the type earth without their schema.
-- Autovacuum evaluates index expressions with a search_path of pg_catalog only, so analysing
-- offer_session failed on its spatial index ("type earth does not exist") and the table's
-- statistics were never refreshed automatically. The function gets the extension's schema as its
-- own search_path (it is then no longer inlined; the spatial index is used as before). Where the
-- extension belongs to another role (created by an administrator), the migration says what to run
-- instead of failing.
do $$
declare
    home text := (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
                  where e.extname = 'earthdistance');
begin
    execute format('alter function %I.ll_to_earth(float8, float8) set search_path = %I', home, home);
exception when insufficient_privilege then
    raise warning 'll_to_earth belongs to another role: as its owner run "alter function %.ll_to_earth(float8, float8) set search_path = %" so that autovacuum can analyse offer_session', home, home;
end $$;
