-- Row-level security as the second wall (issue 11, 等保 level 3): every query already binds the caller's scope; should
-- one forget it, PostgreSQL itself keeps the platform's role to the incidents of the scope its connection was handed
-- (zhizhi.scope, set per connection by shared.database.ScopedDataSource: the signed-in person's scope as a LIKE
-- pattern, or empty for the platform's own work — start-up, schedules, listeners, public pages — which the app's
-- predicates scope). The owner and the superuser are not subject to it.
ALTER TABLE incident ENABLE ROW LEVEL SECURITY;

CREATE POLICY incident_in_scope ON incident
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));
