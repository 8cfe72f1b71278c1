package org.zhizhi.identity;

import java.time.Instant;

import org.zhizhi.identity.AuditEntry.Outcome;

/**
 * Criteria for reading the audit trail; {@code null} means "any". The username is the account's exactly; the person
 * is what an auditor types — an account or a part of the name the person was shown under (东城社区工作站); the object is
 * an id or a part of the name (or the text) the entry was written with.
 */
public record AuditFilter(String username, String action, Outcome outcome, Instant from, Instant to, String person,
		String object) {

	public AuditFilter(String username, String action, Outcome outcome, Instant from, Instant to) {
		this(username, action, outcome, from, to, null, null);
	}

	public static AuditFilter any() {
		return new AuditFilter(null, null, null, null, null, null, null);
	}
}
