package org.zhizhi.servicepoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.servicepoint.persistence.JdbcErrands;

/** Errands as the pages and the API show them, with what the reader may do. */
public final class ErrandViews {

	private ErrandViews() {
	}

	public record ErrandView(UUID id, String kind, ErrandChannel channel, String details, UUID residentId,
			String residentName, String dwellingLabel, String orgUnitName, UUID requestedBy, String requestedByName,
			Instant requestedAt, ErrandState state, UUID runnerId, String runnerName, Instant assignedAt,
			Instant doneAt, String proofNote, boolean proofPhoto, BigDecimal moneyReceived, BigDecimal moneySpent,
			BigDecimal change, Instant confirmedAt, String confirmedByName, String cancelReason,
			Set<ErrandAction> allowedActions) {
	}

	public record ErrandDetail(ErrandView errand, List<ErrandStep> steps) {
	}

	/** The desk's queue: a page of its scope's errands (open ones first) and how many are in each state. */
	public record Queue(List<ErrandView> errands, Map<ErrandState, Long> counts, int page, boolean more) {
	}

	/** Someone who may run errands, as the desk's assignment form lists him. */
	public record Runner(UUID id, String name) {
	}
}
