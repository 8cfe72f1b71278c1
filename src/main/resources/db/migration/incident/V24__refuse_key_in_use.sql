-- Issue 16: a group of new reports sends its key claims and incidents with the other statements of its commit in one
-- round trip, counting on every key being free. A key used before is refused by the key's unique index; a key another
-- transaction works under right now (it holds the key's advisory lock) is refused here — instead of being passed
-- over, as a claim that can look at what it claimed does. Either fails the group's transaction, which the intake then
-- writes report by report, answering such a key as before (the earlier answer, or 409 while it is in progress).
create function incident.refuse_key_in_use(locked boolean) returns boolean
    language plpgsql as
$$
begin
    if not locked then
        raise exception 'an idempotency key of the group is in use by another request'
            using errcode = 'lock_not_available';
    end if;
    return true;
end
$$;
