-- Every node keeps the active categories in memory (JdbcIncidents). They change only by a migration or an operator's
-- SQL, so the table itself tells every node when they do: each statement that changes a category or a class
-- announces 'incident.categories' on the platform's invalidation channel (shared.invalidation.Invalidations), heard by
-- every node when the change commits.
create function announce_category_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('zhizhi_invalidation', 'incident.categories');
    return null;
end;
$$;

create trigger category_changed after insert or update or delete or truncate on category
    for each statement execute function announce_category_change();
create trigger category_class_changed after insert or update or delete or truncate on category_class
    for each statement execute function announce_category_change();
