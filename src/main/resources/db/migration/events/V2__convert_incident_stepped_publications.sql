-- The incident module's one event for every step, IncidentStepped(incidentId, action, from, to, at, actorId), became a
-- record per step under the sealed IncidentEvent (IncidentClaimed, IncidentEscalated …). A publication still owed when
-- the platform is upgraded (a listener failed, or the node stopped before it was done) must still be delivered after
-- it, so it is rewritten into the new form: its type is the step's record, its JSON loses the action (the record's type
-- says it; the other fields keep their names) and its listener is the method that now takes IncidentEvent. A record
-- that carries the step's choice (the rating, the card …) has it null: the old event did not carry it.
update event_publication
   set event_type = 'org.zhizhi.incident.IncidentEvent$' || case serialized_event::jsonb ->> 'action'
           when 'REPORT' then 'IncidentReported'
           when 'ACCEPT' then 'IncidentAccepted'
           when 'REJECT' then 'IncidentRejected'
           when 'TRIAGE' then 'IncidentTriaged'
           when 'CLOSE' then 'IncidentClosed'
           when 'WHISTLE' then 'IncidentWhistled'
           when 'ASSIGN' then 'IncidentAssigned'
           when 'CLAIM' then 'IncidentClaimed'
           when 'ANSWER' then 'IncidentAnswered'
           when 'HAND_BACK' then 'IncidentHandedBack'
           when 'PART_ANSWER' then 'PartAnswered'
           when 'PART_DONE' then 'PartDone'
           when 'PART_HAND_BACK' then 'PartHandedBack'
           when 'PHOTO' then 'PhotoAdded'
           when 'NOTE' then 'NoteAdded'
           when 'CHECK_IN' then 'IncidentCheckedIn'
           when 'RESOLVE' then 'IncidentResolved'
           when 'VERIFY' then 'IncidentVerified'
           when 'REWORK' then 'IncidentReworked'
           when 'RATE' then 'IncidentRated'
           when 'REOPEN' then 'IncidentReopened'
           when 'KEEP_CLOSED' then 'ClosureKept'
           when 'ESCALATE' then 'IncidentEscalated'
           when 'URGE' then 'IncidentUrged'
           when 'EXTENSION_REQUEST' then 'ExtensionRequested'
           when 'EXTENSION_APPROVE' then 'ExtensionApproved'
           when 'EXTENSION_REFUSE' then 'ExtensionRefused'
           when 'JOIN' then 'IncidentJoined'
       end,
       serialized_event = (serialized_event::jsonb - 'action')::text,
       listener_id = replace(listener_id, '(org.zhizhi.incident.IncidentStepped)',
           '(org.zhizhi.incident.IncidentEvent)')
 where event_type = 'org.zhizhi.incident.IncidentStepped';
