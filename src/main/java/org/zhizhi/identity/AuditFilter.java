package org.zhizhi.identity;

import java.time.Instant;

import org.zhizhi.identity.AuditEntry.Outcome;

/** Criteria for reading the audit trail; {@code null} means "any". */
public record AuditFilter(String username, String action, Outcome outcome, Instant from, Instant to) {

	public static AuditFilter any() {
		return new AuditFilter(null, null, null, null, null);
	}
}
