-- Row-level security as the second wall (issue 11): a wish names its beneficiary and where he lives. A query of the
-- platform's role that forgot its predicate still sees only the wishes of the caller's scope (zhizhi.scope, see
-- incident/V14) — or those the caller stands in a relation to beyond it (zhizhi.account, the signed-in account, set
-- beside the scope by shared.database.ScopedDataSource): he posted it, it was dispatched to him, he or his partner
-- unit took it, or he is an active in-service member registered (双报到) in its community. Empty scope: the platform's
-- own work and the public wall, scoped by the application.
CREATE FUNCTION reaches_beyond_scope(wish_id uuid, posted_by uuid, dispatched_to uuid, community_id uuid,
                                     account text) RETURNS boolean
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    caller uuid;
BEGIN
    IF account IS NULL OR account = '' THEN
        RETURN false;
    END IF;
    caller := account::uuid;
    IF posted_by = caller OR dispatched_to = caller THEN
        RETURN true;
    END IF;
    -- the other modules' tables are read when the policy runs, whatever order the schemas were migrated in
    RETURN EXISTS (SELECT 1 FROM wish.taker t
                    WHERE t.wish_id = reaches_beyond_scope.wish_id
                      AND (t.account_id = caller
                           OR t.taker_id IN (SELECT l.partner_id FROM partnership.partner_liaison l
                                              WHERE l.account_id = caller)))
        OR EXISTS (SELECT 1 FROM party.member m
                    WHERE m.account_id = caller AND m.kind = 'IN_SERVICE' AND m.status = 'ACTIVE'
                      AND m.dual_community_id = reaches_beyond_scope.community_id);
END;
$$;

ALTER TABLE wish ENABLE ROW LEVEL SECURITY;

CREATE POLICY wish_in_reach ON wish
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true)
           OR reaches_beyond_scope(id, posted_by, dispatch_account_id, community_id,
                                   current_setting('zhizhi.account', true)));
