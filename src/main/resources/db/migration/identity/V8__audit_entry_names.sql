-- The audit trail in words: what the person and the object were called when the entry was written (a meeting renamed
-- later stays as it was then), and the short text the request named (a decision's wording), so that the auditor reads
-- "东城社区工作站 在 2026年度第二季度协商议事会 上记录了决议「…」" instead of a path and ids. Sealed with the rest of the
-- entry (AuditSeal); entries written before stay as they were (all four null) and are named when read.
ALTER TABLE audit_entry ADD COLUMN actor_name text, ADD COLUMN object_kind text, ADD COLUMN object_name text,
    ADD COLUMN subject text;
