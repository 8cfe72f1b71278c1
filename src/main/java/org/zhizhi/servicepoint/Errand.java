package org.zhizhi.servicepoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;

/**
 * An errand (便民代办) run for a resident, usually an elder: asked by him or for him, assigned to a runner, done with
 * proof (a note, a photo) and the money it handled, confirmed by the resident. Each step asks
 * {@link ErrandLifecycle#TABLE} first.
 */
public final class Errand extends AggregateRoot<ErrandEvent> {

	/** What is asked, for whom, by whom, when: what does not change while the errand runs. */
	public record Terms(String kind, ErrandChannel channel, String details, UUID residentId, String residentName,
			UUID householdId, String dwellingLabel, UUID orgUnitId, String orgUnitName, String scopePath,
			UUID districtId, UUID requestedBy, String requestedByName, Instant requestedAt) {
	}

	/** What the runner did: his note, a photo, and the money he was given and spent. */
	public record Proof(String note, UUID photoId, BigDecimal moneyReceived, BigDecimal moneySpent) {

		/** The change the runner hands back (null when no money went through his hands). */
		public BigDecimal change() {
			return moneyReceived == null ? null : moneyReceived.subtract(moneySpent == null ? BigDecimal.ZERO : moneySpent);
		}
	}

	private final UUID id;

	private final Terms terms;

	private ErrandState state;

	private UUID runnerId;

	private String runnerName;

	private Instant assignedAt;

	private Instant doneAt;

	private Proof proof;

	private Instant confirmedAt;

	private String confirmedByName;

	private String cancelReason;

	public Errand(UUID id, Terms terms, ErrandState state, UUID runnerId, String runnerName, Instant assignedAt,
			Instant doneAt, Proof proof, Instant confirmedAt, String confirmedByName, String cancelReason, int version) {
		super(version);
		this.id = id;
		this.terms = terms;
		this.state = state;
		this.runnerId = runnerId;
		this.runnerName = runnerName;
		this.assignedAt = assignedAt;
		this.doneAt = doneAt;
		this.proof = proof;
		this.confirmedAt = confirmedAt;
		this.confirmedByName = confirmedByName;
		this.cancelReason = cancelReason;
	}

	public static Errand request(UUID id, Terms terms) {
		return new Errand(id, terms, ErrandState.REQUESTED, null, null, null, null, null, null, null, null, 0);
	}

	/** Gives the errand to a runner (another one, if it had one). */
	public void assign(UUID runner, String name, Instant at) {
		state = ErrandLifecycle.TABLE.next(state, ErrandAction.ASSIGN);
		runnerId = runner;
		runnerName = name;
		assignedAt = at;
		register(new ErrandEvent.ErrandAssigned(id, runner, terms.scopePath(), at));
	}

	/** The runner cannot do it: back to the queue, for the desk to give to someone else. */
	public void handBack() {
		state = ErrandLifecycle.TABLE.next(state, ErrandAction.HAND_BACK);
		runnerId = null;
		runnerName = null;
		assignedAt = null;
	}

	public void complete(Proof done, Instant at) {
		state = ErrandLifecycle.TABLE.next(state, ErrandAction.COMPLETE);
		proof = done;
		doneAt = at;
		register(new ErrandEvent.ErrandDone(id, runnerId, terms.scopePath(), at));
	}

	public void confirm(String byName, Instant at) {
		state = ErrandLifecycle.TABLE.next(state, ErrandAction.CONFIRM);
		confirmedAt = at;
		confirmedByName = byName;
		register(new ErrandEvent.ErrandConfirmed(id, runnerId, terms.scopePath(), at));
	}

	public void cancel(String reason) {
		state = ErrandLifecycle.TABLE.next(state, ErrandAction.CANCEL);
		cancelReason = reason;
	}

	public void check(ErrandAction action) {
		ErrandLifecycle.TABLE.require(state, action);
	}

	public UUID id() {
		return id;
	}

	public Terms terms() {
		return terms;
	}

	public ErrandState state() {
		return state;
	}

	public UUID runnerId() {
		return runnerId;
	}

	public String runnerName() {
		return runnerName;
	}

	public Instant assignedAt() {
		return assignedAt;
	}

	public Instant doneAt() {
		return doneAt;
	}

	public Proof proof() {
		return proof;
	}

	public Instant confirmedAt() {
		return confirmedAt;
	}

	public String confirmedByName() {
		return confirmedByName;
	}

	public String cancelReason() {
		return cancelReason;
	}
}
