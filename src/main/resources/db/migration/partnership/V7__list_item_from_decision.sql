-- A joint meeting's decision becomes a project of its community's lists (项目清单), see DecisionProjects.
-- decision_id keys it: the project is written with "on conflict (decision_id) do nothing", so a replayed
-- DecisionTaken changes nothing. The decision and the list item live in this same schema and are written in the same
-- transaction, so the reference is a real foreign key.
alter table list_item add column decision_id uuid unique references joint_meeting_decision (id);
alter table list_item add check (decision_id is null or kind = 'PROJECT');

-- When the decision names one of the community's partner units as its owner, the project keeps a reference to it.
-- That is not a claim: the unit still claims (pledges) the project itself.
alter table list_item add column owner_partner_id uuid references partner_unit (id);

-- A decision is one task, counted in items (项): quantity 1, claimed whole.
alter table list_item drop constraint list_item_measure_check;
alter table list_item add constraint list_item_measure_check check (measure in ('YUAN', 'HOURS', 'PEOPLE', 'ITEMS'));
