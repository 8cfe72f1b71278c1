-- Whether the public may see the request (incident.category.published and not triaged PRIVATE), set from the incident
-- as it is at each step, so that a later triage to PRIVATE takes it off the lists and the updates feed. Rows written
-- before are unknown (null, so not shown) until RequestIndex sets them at the next start-up.
alter table request_index add column published boolean;
