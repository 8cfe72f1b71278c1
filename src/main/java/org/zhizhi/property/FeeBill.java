package org.zhizhi.property;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;

/**
 * A household's bill of a month under a self-run body's fee schedule (新河街: ¥10 a household a month). Paid once —
 * in full, by cash to the building's guardian or by transfer — which writes its income line to the book; or exempted
 * by the body with the reason. Never changed afterwards.
 */
public final class FeeBill extends AggregateRoot<Void> {

	private final UUID id;

	private final UUID selfRunId;

	private final UUID householdId;

	private final String dwellingLabel;

	private final UUID buildingId;

	private final LocalDate month;

	private final long amountCents;

	private FeeBillState state;

	private Instant settledAt;

	private UUID settledBy;

	private String settledByName;

	private String exemptReason;

	public FeeBill(UUID id, UUID selfRunId, UUID householdId, String dwellingLabel, UUID buildingId, LocalDate month,
			long amountCents, FeeBillState state, Instant settledAt, UUID settledBy, String settledByName,
			String exemptReason, int version) {
		super(version);
		this.id = id;
		this.selfRunId = selfRunId;
		this.householdId = householdId;
		this.dwellingLabel = dwellingLabel;
		this.buildingId = buildingId;
		this.month = month;
		this.amountCents = amountCents;
		this.state = state;
		this.settledAt = settledAt;
		this.settledBy = settledBy;
		this.settledByName = settledByName;
		this.exemptReason = exemptReason;
	}

	public void pay(Instant at, UUID by, String byName) {
		settle(FeeBillAction.PAY, at, by, byName);
	}

	public void exempt(Instant at, UUID by, String byName, String reason) {
		settle(FeeBillAction.EXEMPT, at, by, byName);
		exemptReason = reason;
	}

	private void settle(FeeBillAction action, Instant at, UUID by, String byName) {
		state = FeeBillLifecycle.TABLE.next(state, action);
		settledAt = at;
		settledBy = by;
		settledByName = byName;
	}

	public void check(FeeBillAction action) {
		FeeBillLifecycle.TABLE.require(state, action);
	}

	public UUID id() {
		return id;
	}

	public UUID selfRunId() {
		return selfRunId;
	}

	public UUID householdId() {
		return householdId;
	}

	public String dwellingLabel() {
		return dwellingLabel;
	}

	public UUID buildingId() {
		return buildingId;
	}

	public LocalDate month() {
		return month;
	}

	public long amountCents() {
		return amountCents;
	}

	public FeeBillState state() {
		return state;
	}

	public Instant settledAt() {
		return settledAt;
	}

	public UUID settledBy() {
		return settledBy;
	}

	public String settledByName() {
		return settledByName;
	}

	public String exemptReason() {
		return exemptReason;
	}
}
