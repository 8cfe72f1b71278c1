-- The community may refuse a delivery (退回): the pledge goes back from DELIVERED to PLEDGED, and the reason is a
-- delivery note of its own kind, as insert-only as the others.
alter table delivery_note drop constraint delivery_note_kind_check;
alter table delivery_note add constraint delivery_note_kind_check
  check (kind in ('PROGRESS', 'COMPLETION', 'ACCEPTANCE', 'SENT_BACK'));
