-- A team's contact (联系方式, printed on its certificates) and its recruitment notice (what help it seeks).
ALTER TABLE team ADD COLUMN contact varchar(40);
ALTER TABLE team ADD COLUMN recruitment varchar(500);

-- 志愿者编号: given to a person once, with his first certificate, and kept for life.
CREATE SEQUENCE volunteer_number_seq;
CREATE TABLE volunteer_number (
    person_id   uuid PRIMARY KEY,
    number      varchar(20) NOT NULL UNIQUE,
    assigned_at timestamptz NOT NULL
);

-- 志愿服务记录证明 (民政部令第67号, 谁记录谁证明): issued in the name of the team that recorded the hours, with the
-- fields the rules name, the figures frozen as they stood on the day. Insert-only: the list of certificates issued is
-- the log, and it is shown for public notice with masked names.
CREATE SEQUENCE certificate_seq;
CREATE TABLE certificate (
    id               uuid PRIMARY KEY,
    number           varchar(24)   NOT NULL UNIQUE,
    team_id          uuid          NOT NULL REFERENCES team (id),
    team_name        varchar(60)   NOT NULL,
    org_unit_name    varchar(100)  NOT NULL,
    scope_path       varchar(400)  NOT NULL,
    person_id        uuid          NOT NULL,
    person_name      varchar(100)  NOT NULL,
    volunteer_number varchar(20)   NOT NULL,
    id_type          varchar(20)   NOT NULL,
    id_masked        varchar(30),
    minutes          integer       NOT NULL CHECK (minutes > 0),
    activities       integer       NOT NULL CHECK (activities > 0),
    served_from      date          NOT NULL,
    served_to        date          NOT NULL,
    content          varchar(1000) NOT NULL,
    handler_name     varchar(100)  NOT NULL,
    contact          varchar(40)   NOT NULL,
    issued_by        uuid          NOT NULL,
    issued_at        timestamptz   NOT NULL,
    CHECK (served_to >= served_from)
);
CREATE INDEX certificate_person_idx ON certificate (person_id, issued_at DESC);
CREATE INDEX certificate_team_idx ON certificate (team_id, issued_at DESC);

CREATE FUNCTION refuse_certificate_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a certificate is never changed once issued';
END;
$$;
CREATE TRIGGER certificate_insert_only BEFORE UPDATE OR DELETE ON certificate
    FOR EACH ROW EXECUTE FUNCTION refuse_certificate_change();
