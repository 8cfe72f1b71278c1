-- Every node keeps in memory who is bound at each node of the tree (JdbcAccounts: who covers a place — read for the
-- notices of every step, and in every intake group's serial lane, issue 16). The node that changes an account forgets
-- at once, after its commit; every other node hears it here: each statement that changes an account announces
-- 'identity.accounts' on the platform's invalidation channel (shared.invalidation.Invalidations) when it commits —
-- whichever way it came (the app, a migration, an operator's SQL).
create function identity.announce_account_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('zhizhi_invalidation', 'identity.accounts');
    return null;
end;
$$;

create trigger account_changed after insert or update or delete or truncate on identity.account
    for each statement execute function identity.announce_account_change();
