-- What a district's report states about its service network that the platform does not hold one by one: 巴南's 90+
-- grid party-service stations where 1,700+ community workers serve in rotation. Shown beside the points the platform
-- does hold, with the source, so that nobody takes the sample for the whole.
CREATE TABLE stated_figure (
    org_unit_id  uuid         NOT NULL,
    scope_path   varchar(400) NOT NULL,
    code         varchar(32)  NOT NULL,
    value        integer      NOT NULL CHECK (value >= 0),
    source       varchar(200) NOT NULL,
    PRIMARY KEY (org_unit_id, code)
);
