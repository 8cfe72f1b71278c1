-- 月度报告 (issue 17): what each report job was ordered for — the node, its name as it was, the month and the format —
-- so that the form's list of the viewer's recent report jobs can say which report each one is: the platform's job row
-- (shared/jobs) knows only its kind, and the file's name exists only once the job is done. One row per job, written
-- when the job starts; the job is kept a day, so the rows older than a week are forgotten when the next is written.
CREATE TABLE report_order (
    job_id      uuid         PRIMARY KEY,
    ordered_by  uuid         NOT NULL,
    org_unit_id uuid         NOT NULL,
    node_name   varchar(200) NOT NULL,
    scope_path  varchar(400) NOT NULL,
    month       date         NOT NULL CHECK (extract(day FROM month) = 1),
    format      varchar(8)   NOT NULL CHECK (format IN ('PDF', 'XLSX')),
    ordered_at  timestamptz  NOT NULL
);
CREATE INDEX report_order_by_idx ON report_order (ordered_by, ordered_at DESC);
CREATE INDEX report_order_at_idx ON report_order (ordered_at);

-- the second wall, as for the alerts (V2): a query that forgot its predicate still sees only the caller's scope
ALTER TABLE report_order ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_order_in_scope ON report_order
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));
