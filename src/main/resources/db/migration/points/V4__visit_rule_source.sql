-- 结对帮扶: a visit of a pairing (volunteer.PairingVisited) pays the VISIT rules of the schemes covering the visitor.
ALTER TABLE rule DROP CONSTRAINT rule_source_check;
ALTER TABLE rule ADD CONSTRAINT rule_source_check CHECK (source IN ('WISH_FULFILLED', 'INCIDENT_RESOLVED',
                                                                    'REPORT_CONFIRMED', 'CLAIM', 'HOURS',
                                                                    'ATTENDANCE', 'VISIT'));
