-- Row-level security as the second wall (issue 11, see incident/V14): a query of the platform's role that forgot its
-- predicate still sees only the alerts and rules of the caller's scope. Empty scope: the platform's own work (the
-- sentinel's scheduled pass), scoped by the application. A rule is its district's: a district's path is
-- /<city>/<district>/, so the caller's scope covers it when it lies inside the district, and a street's staff reads
-- its district's rules (what raises his alerts) without editing them — the application decides who edits.
ALTER TABLE alert ENABLE ROW LEVEL SECURITY;
CREATE POLICY alert_in_scope ON alert
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));

ALTER TABLE alert_step ENABLE ROW LEVEL SECURITY;
CREATE POLICY alert_step_in_scope ON alert_step
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR EXISTS (SELECT 1 FROM alert a WHERE a.id = alert_step.alert_id));
