-- Long work started from a page (an import's check, a big export): its progress, so that the person who started it
-- can leave and come back; and, for an export, the file it made. Rows live a day, then the next start deletes them.
CREATE TABLE job (
    id          uuid PRIMARY KEY,
    kind        text NOT NULL,          -- a message key: what the work is, in the reader's language
    owner_id    uuid NOT NULL,          -- the account that started it: the only one who may read it
    scope_path  text NOT NULL,          -- the owner's scope when it started, for the record
    state       text NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    total       bigint,                 -- null while the work does not yet know how much there is
    done        bigint NOT NULL DEFAULT 0,
    message     text,                   -- a message key: why it failed
    result_href text,                   -- where the result is shown, once done
    back_href   text,                   -- the page that started it
    started_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,   -- the last progress: a RUNNING job that stops moving was cut off
    finished_at timestamptz,
    expires_at  timestamptz NOT NULL
);

CREATE INDEX job_owner_idx ON job (owner_id, started_at DESC);

-- an export's file, kept apart so that listing jobs never reads the bytes
CREATE TABLE job_file (
    job_id       uuid PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
    name         text NOT NULL,
    content_type text NOT NULL,
    content      bytea NOT NULL
);
