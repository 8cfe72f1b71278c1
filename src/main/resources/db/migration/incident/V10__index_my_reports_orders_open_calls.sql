-- The lists the pages show: a resident's own reports, a member's own orders, the open calls of a scope, and the
-- desk queue filtered by whistle type or category. Each is one index range scan instead of a scan of the scope.
create index incident_reporter_idx on incident (reporter_id, reported_at desc);
create index incident_claimer_idx on incident (claimed_by, updated_at desc) where claimed_by is not null;
create index incident_open_call_idx on incident (scope_path text_pattern_ops, reported_at desc) where state = 'WHISTLED';
create index incident_scope_state_idx on incident (scope_path text_pattern_ops, state);
