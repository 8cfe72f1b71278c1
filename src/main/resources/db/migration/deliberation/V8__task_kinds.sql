-- 执事: a task is tracked on the topic itself (PLAIN), or becomes an incident of the whistle loop (INCIDENT) or a
-- project of the community's lists (PROJECT) and is done when that one is; linked_state mirrors where the linked
-- object stands now (kept by the module's listeners), so the topic's pages need not ask another module per task.
ALTER TABLE task
    ADD COLUMN kind         text NOT NULL DEFAULT 'PLAIN' CHECK (kind IN ('PLAIN', 'INCIDENT', 'PROJECT')),
    ADD COLUMN linked_id    uuid,
    ADD COLUMN linked_state text,
    ADD CONSTRAINT task_link_matches_kind CHECK ((kind = 'PLAIN') = (linked_id IS NULL));

-- one task per linked object: a replayed event finds exactly one
CREATE UNIQUE INDEX task_linked_idx ON task (kind, linked_id) WHERE linked_id IS NOT NULL;
