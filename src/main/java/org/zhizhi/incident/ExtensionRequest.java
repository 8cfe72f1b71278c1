package org.zhizhi.incident;

import java.time.Instant;
import java.util.UUID;

/** 延期申请: some hours more for an incident, asked by its handler and decided one tier up. */
public record ExtensionRequest(UUID id, UUID incidentId, UUID requestedBy, Instant requestedAt, int hours,
		String reason, State state, UUID decidedBy, Instant decidedAt, String decisionNote) {

	public enum State {
		PENDING, APPROVED, REFUSED
	}
}
