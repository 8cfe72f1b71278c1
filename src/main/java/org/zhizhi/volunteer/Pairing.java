package org.zhizhi.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;

/**
 * A pairing (结对帮扶): a helper — a volunteer or a party member — who looks after one person of his place (an elder
 * living alone, a family in difficulty) and visits him every {@code everyDays} days. Each visit moves the next one's
 * due day; a visit not made by then is missed (the pages flag it, the sweep tells the helper). The desk ends it.
 */
public final class Pairing extends AggregateRoot<PairingVisited> {

	/** Who is paired with whom, where, how often: what does not change while the pairing runs. */
	public record Terms(UUID orgUnitId, String orgUnitName, String scopePath, UUID districtId, UUID teamId,
			UUID helperId, String helperName, UUID residentId, String residentName, String dwellingLabel,
			PairingNeed need, int everyDays, LocalDate startedOn) {
	}

	private final UUID id;

	private final Terms terms;

	private LocalDate lastVisitOn;

	private int visits;

	private PairingState state;

	private LocalDate endedOn;

	private String endReason;

	public Pairing(UUID id, Terms terms, LocalDate lastVisitOn, int visits, PairingState state, LocalDate endedOn,
			String endReason, int version) {
		super(version);
		this.id = id;
		this.terms = terms;
		this.lastVisitOn = lastVisitOn;
		this.visits = visits;
		this.state = state;
		this.endedOn = endedOn;
		this.endReason = endReason;
	}

	/** A new pairing, running from its first day; the first visit is due {@code everyDays} later. */
	public static Pairing start(UUID id, Terms terms) {
		return new Pairing(id, terms, null, 0, PairingState.ACTIVE, null, null, 0);
	}

	/**
	 * A visit on a day (one a day: the table's key). Registers {@link PairingVisited} for the points it earns; a
	 * visit of an earlier day logged late moves the due day only if it is the latest.
	 */
	public void visit(UUID visitId, LocalDate on, Instant at, UUID by, String byName) {
		state = PairingLifecycle.TABLE.next(state, PairingAction.VISIT);
		if (lastVisitOn == null || on.isAfter(lastVisitOn)) {
			lastVisitOn = on;
		}
		visits++;
		register(new PairingVisited(visitId, id, by, byName, terms.scopePath(), at));
	}

	public void end(LocalDate on, String reason) {
		state = PairingLifecycle.TABLE.next(state, PairingAction.END);
		endedOn = on;
		endReason = reason;
	}

	public void check(PairingAction action) {
		PairingLifecycle.TABLE.require(state, action);
	}

	/** The day the next visit is due: {@code everyDays} after the last one, or after the start. */
	public LocalDate dueOn() {
		return (lastVisitOn == null ? terms.startedOn() : lastVisitOn).plusDays(terms.everyDays());
	}

	/** How many days the next visit is late on that day (0: not late). */
	public long daysOverdue(LocalDate today) {
		return state == PairingState.ACTIVE ? Math.max(0, ChronoUnit.DAYS.between(dueOn(), today)) : 0;
	}

	public UUID id() {
		return id;
	}

	public Terms terms() {
		return terms;
	}

	public LocalDate lastVisitOn() {
		return lastVisitOn;
	}

	public int visits() {
		return visits;
	}

	public PairingState state() {
		return state;
	}

	public LocalDate endedOn() {
		return endedOn;
	}

	public String endReason() {
		return endReason;
	}
}
