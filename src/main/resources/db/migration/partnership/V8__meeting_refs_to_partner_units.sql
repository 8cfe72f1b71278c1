-- Meeting references by kind get their foreign keys, now that partner units and list items live in this schema too
-- (V5 and V6 ran without them, see there). ref_id is polymorphic — by its kind a partner unit, an account, a list item
-- or an incident — and PostgreSQL has no foreign key that applies to some rows only. So each kind that names a row of
-- this schema gets a stored column generated from (kind, ref_id): it holds the id on the rows of that kind and null on
-- the others, it can never disagree with ref_id, and it carries the foreign key. Accounts and incidents belong to
-- other modules and stay references by id.
--
-- Rows written before this migration were not checked. A UNIT ref that names no partner unit (the community's own id,
-- a guest unit's) loses its id and keeps its name, as the application writes such a unit from now on; a LIST_ITEM
-- agenda entry that names no list item becomes a TEXT entry with the title it was given.

update joint_meeting_attendee set ref_id = null
 where kind = 'UNIT' and ref_id is not null and not exists (select 1 from partner_unit p where p.id = ref_id);
update joint_meeting_decision set owner_id = null
 where owner_kind = 'UNIT' and owner_id is not null and not exists (select 1 from partner_unit p where p.id = owner_id);
update joint_activity_participant set ref_id = null
 where kind = 'UNIT' and ref_id is not null and not exists (select 1 from partner_unit p where p.id = ref_id);
update joint_meeting_agenda_item set kind = 'TEXT', ref_id = null
 where kind = 'LIST_ITEM' and not exists (select 1 from list_item i where i.id = ref_id);

alter table joint_meeting_attendee
  add column partner_id uuid generated always as (case when kind = 'UNIT' then ref_id end) stored
      references partner_unit (id);
alter table joint_meeting_decision
  add column owner_partner_id uuid generated always as (case when owner_kind = 'UNIT' then owner_id end) stored
      references partner_unit (id);
alter table joint_activity_participant
  add column partner_id uuid generated always as (case when kind = 'UNIT' then ref_id end) stored
      references partner_unit (id);
alter table joint_meeting_agenda_item
  add column list_item_id uuid generated always as (case when kind = 'LIST_ITEM' then ref_id end) stored
      references list_item (id);
