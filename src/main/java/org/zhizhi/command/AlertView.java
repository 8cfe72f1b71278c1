package org.zhizhi.command;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One alert as readers see it: what it is about and what raised it (the ids of the records its rule counted), its
 * owner and state, and the steps the reader may take ({@code allowedActions}, the policy's answer; empty for readers
 * that act for nobody, such as the big screen).
 */
public record AlertView(UUID id, UUID ruleId, RuleKind kind, SubjectKind subjectKind, UUID subjectId,
		String subjectName, String scopePath, UUID gridId, UUID estateId, int measure, int threshold, int windowDays,
		EvidenceKind evidenceKind, List<UUID> evidenceIds, String categoryCode, Instant raisedAt, Instant dueAt,
		String ownerRole, UUID ownerId, String ownerName, AlertState state, Instant acknowledgedAt,
		Instant handledAt, String handledNote, Instant closedAt, AlertOutcome outcome, Set<AlertAction> allowedActions) {

	/** Whether the alert is still open at {@code now} past the time its rule gives the owner to handle it. */
	public boolean late(Instant now) {
		return (state == AlertState.NEW || state == AlertState.ACKNOWLEDGED) && now.isAfter(dueAt);
	}
}
