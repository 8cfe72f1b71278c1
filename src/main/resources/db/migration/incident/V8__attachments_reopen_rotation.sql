-- Attachments on every timeline entry (check-in and resolution photos, photos on progress notes), longer action
-- names, the follow-up an unsatisfied rating needs, the automatic red card's memory, and the round-robin rotation.
alter table timeline_entry
    alter column action type varchar(32),
    add column photo_ids uuid[] not null default '{}';

alter table incident
    -- an UNSATISFIED rating waits for the community to reopen the incident or to record why not
    add column unsatisfied_pending boolean not null default false,
    -- the resolution deadline the sweep last gave a red card for, so each deadline is carded once
    add column carded_due_at timestamptz,
    -- the unit that must answer now (assigned unit or lead unit of a tough whistle), for the liaison's view
    add column unit_id uuid references unit (id);

create index incident_unit_idx on incident (unit_id) where unit_id is not null;
create index incident_respond_due_idx on incident (respond_due_at) where closed_at is null;

-- 轮派: who in a grid's rotation had an order last, so the next one goes to whoever waited longest
create table rotation_turn (
    grid_id          uuid        not null,
    account_id       uuid        not null,
    last_assigned_at timestamptz not null,
    primary key (grid_id, account_id)
);
