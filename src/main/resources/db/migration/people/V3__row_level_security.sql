-- Row-level security as the second wall (issue 11): residents and households are personal data; a query of the
-- platform's role that forgot its scope predicate still sees only the caller's scope (zhizhi.scope, see
-- incident/V14). Empty: the platform's own work, scoped by the application.
ALTER TABLE household ENABLE ROW LEVEL SECURITY;
ALTER TABLE resident ENABLE ROW LEVEL SECURITY;

CREATE POLICY household_in_scope ON household
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));

CREATE POLICY resident_in_scope ON resident
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));
