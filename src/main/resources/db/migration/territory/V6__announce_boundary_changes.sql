-- The grid look-up index (GridLocator) used to learn of another node's boundary change by reading boundary_version
-- every two seconds. The trigger that bumps the version now also announces 'territory.boundaries' on the platform's
-- invalidation channel (shared.invalidation.Invalidations), so every node hears the change as it commits; the version
-- still tells a node whether its index is older than the tree.
create or replace function bump_boundary_version() returns trigger language plpgsql as $$
begin
    update territory.boundary_version set version = version + 1, changed_at = now();
    perform pg_notify('zhizhi_invalidation', 'territory.boundaries');
    return null;
end;
$$;
