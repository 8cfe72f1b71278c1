-- Row-level security as the second wall (issue 11): party members' names, kinds and employers and the hub households
-- they look after are personal data. A query of the platform's role that forgot its scope predicate still sees only
-- the caller's scope (zhizhi.scope, see incident/V14) — and, for members, those dual-registered (双报到) in a
-- community of that scope, whom the community works with though their branch is elsewhere. Empty: the platform's own
-- work, scoped by the application.
-- territory's tables may be created after this module's migrations: plpgsql resolves the table when first called
CREATE FUNCTION dual_community_in_scope(community_id uuid, scope text) RETURNS boolean
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN community_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM territory.org_unit o WHERE o.id = community_id AND o.path LIKE scope);
END;
$$;

ALTER TABLE member ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub_household ENABLE ROW LEVEL SECURITY;

CREATE POLICY member_in_scope ON member
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true)
           OR (dual_community_id IS NOT NULL
               AND dual_community_in_scope(dual_community_id, current_setting('zhizhi.scope', true))));

CREATE POLICY hub_household_in_scope ON hub_household
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));
