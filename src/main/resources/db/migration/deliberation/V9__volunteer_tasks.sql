-- 执事 as a volunteer activity of a team of the place: done once the organiser approved someone's hours for it.
ALTER TABLE task DROP CONSTRAINT task_kind_check;
ALTER TABLE task ADD CONSTRAINT task_kind_check CHECK (kind IN ('PLAIN', 'INCIDENT', 'PROJECT', 'VOLUNTEER'));
