-- 民主评议党员: once a year per branch (the key decides two desks opening the same year at once), a result per member —
-- 优秀 / 合格 / 基本合格 / 不合格 — recorded while the round is open; closed once every member of the branch has his.
CREATE TABLE appraisal (
    id           uuid PRIMARY KEY,
    org_id       uuid NOT NULL REFERENCES party_org (id),
    year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    state        text NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
    scope_path   text NOT NULL,
    district_id  uuid NOT NULL,
    opened_at    timestamptz NOT NULL,
    opened_by    uuid,
    closed_at    timestamptz,
    version      integer NOT NULL DEFAULT 0,
    UNIQUE (org_id, year)
);
CREATE INDEX appraisal_scope_idx ON appraisal (scope_path text_pattern_ops);

CREATE TABLE appraisal_result (
    appraisal_id  uuid NOT NULL REFERENCES appraisal (id),
    member_id     uuid NOT NULL REFERENCES member (id),
    grade         text NOT NULL CHECK (grade IN ('EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED')),
    note          text,
    district_id   uuid NOT NULL,
    recorded_at   timestamptz NOT NULL,
    recorded_by   uuid,
    PRIMARY KEY (appraisal_id, member_id),
    CHECK (grade NOT IN ('BASICALLY_QUALIFIED', 'UNQUALIFIED') OR note IS NOT NULL)
);

-- A branch's yearly assessment against a criteria template of the evaluation engine (property's template tables, by
-- code: no foreign key across modules): each criterion's mark kept as typed rows, the score computed by the engine.
CREATE TABLE branch_assessment (
    id             uuid PRIMARY KEY,
    org_id         uuid NOT NULL REFERENCES party_org (id),
    year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    template_code  text NOT NULL,
    awarded        integer NOT NULL,
    possible       integer NOT NULL,
    scope_path     text NOT NULL,
    district_id    uuid NOT NULL,
    assessed_at    timestamptz NOT NULL,
    assessed_by    uuid,
    UNIQUE (org_id, year)
);
CREATE INDEX branch_assessment_scope_idx ON branch_assessment (scope_path text_pattern_ops);

CREATE TABLE assessment_mark (
    assessment_id   uuid NOT NULL REFERENCES branch_assessment (id),
    criterion_code  text NOT NULL,
    mark            text NOT NULL CHECK (mark IN ('PASS', 'FAIL')),
    district_id     uuid NOT NULL,
    PRIMARY KEY (assessment_id, criterion_code)
);

ALTER TABLE appraisal ENABLE ROW LEVEL SECURITY;
ALTER TABLE appraisal_result ENABLE ROW LEVEL SECURITY;
ALTER TABLE branch_assessment ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_mark ENABLE ROW LEVEL SECURITY;

CREATE POLICY appraisal_in_scope ON appraisal
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));
CREATE POLICY appraisal_result_in_scope ON appraisal_result
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR EXISTS (SELECT 1 FROM appraisal a WHERE a.id = appraisal_id));
CREATE POLICY branch_assessment_in_scope ON branch_assessment
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));
CREATE POLICY assessment_mark_in_scope ON assessment_mark
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR EXISTS (SELECT 1 FROM branch_assessment b WHERE b.id = assessment_id));
