package org.zhizhi.command.sentinel;

import java.time.Instant;
import java.util.UUID;

import org.zhizhi.command.AlertAction;
import org.zhizhi.command.AlertEvent;
import org.zhizhi.command.AlertOutcome;
import org.zhizhi.command.AlertState;
import org.zhizhi.command.RuleKind;
import org.zhizhi.shared.AggregateRoot;
import org.zhizhi.shared.Role;

/**
 * An alert: one subject meeting one rule, raised by a sentinel pass, taken up by its owner, handled with a note and
 * closed — or dismissed. Each step asks {@link AlertLifecycle#TABLE} first and registers its past-tense event.
 */
public final class Alert extends AggregateRoot<AlertEvent> {

	/** What raised it: the rule (as it was), the fact it met, when — what does not change while the alert runs. */
	public record Raised(UUID ruleId, RuleKind kind, UUID districtId, Fact fact, int threshold, int windowDays,
			Role ownerRole, Instant at, Instant dueAt) {
	}

	private final UUID id;

	private final Raised raised;

	private AlertState state;

	private UUID ownerId;

	private String ownerName;

	private Instant acknowledgedAt;

	private Instant handledAt;

	private String handledNote;

	private Instant closedAt;

	private AlertOutcome outcome;

	public Alert(UUID id, Raised raised, AlertState state, UUID ownerId, String ownerName, Instant acknowledgedAt,
			Instant handledAt, String handledNote, Instant closedAt, AlertOutcome outcome, int version) {
		super(version);
		this.id = id;
		this.raised = raised;
		this.state = state;
		this.ownerId = ownerId;
		this.ownerName = ownerName;
		this.acknowledgedAt = acknowledgedAt;
		this.handledAt = handledAt;
		this.handledNote = handledNote;
		this.closedAt = closedAt;
		this.outcome = outcome;
	}

	/** A new alert of the fact under the rule; it is raised only if the insert wins ({@link #announceRaised}). */
	public static Alert raise(UUID id, Rule rule, Fact fact, Instant at) {
		return new Alert(id, new Raised(rule.id(), rule.kind(), rule.districtId(), fact, rule.threshold(),
				rule.windowDays(), rule.ownerRole(), at, rule.dueAfter(at)), AlertState.NEW, null, null, null, null,
				null, null, null, 0);
	}

	/** The insert won (no alert of the same condition was open): the alert is raised. */
	public void announceRaised() {
		Fact f = raised.fact();
		register(new AlertEvent.AlertRaised(id, raised.kind(), f.subjectKind(), f.subjectId(), f.scopePath(),
				raised.at()));
	}

	/** Its owner (or anyone of the desk) takes it up: it is being looked at. */
	public void acknowledge(UUID by, String byName, Instant at) {
		state = AlertLifecycle.TABLE.next(state, AlertAction.ACKNOWLEDGE);
		acknowledgedAt = at;
		if (ownerId == null) {
			ownerId = by;
			ownerName = byName;
		}
		register(new AlertEvent.AlertAcknowledged(id, by, raised.fact().scopePath(), at));
	}

	/** The desk gives it to a person (another one, if it had one). */
	public void assign(UUID owner, String name, Instant at) {
		state = AlertLifecycle.TABLE.next(state, AlertAction.ASSIGN);
		ownerId = owner;
		ownerName = name;
		register(new AlertEvent.AlertAssigned(id, owner, raised.fact().scopePath(), at));
	}

	/** Handled: what was done, in the owner's words. */
	public void handle(UUID by, String note, Instant at) {
		state = AlertLifecycle.TABLE.next(state, AlertAction.HANDLE);
		handledAt = at;
		handledNote = note;
		register(new AlertEvent.AlertHandled(id, by, raised.fact().scopePath(), at));
	}

	public void close(Instant at) {
		state = AlertLifecycle.TABLE.next(state, AlertAction.CLOSE);
		closedAt = at;
		outcome = AlertOutcome.HANDLED;
		register(new AlertEvent.AlertClosed(id, outcome, raised.fact().scopePath(), at));
	}

	/** Closed without action: the condition needed none (the note says why; the optimisation counts these). */
	public void dismiss(Instant at) {
		state = AlertLifecycle.TABLE.next(state, AlertAction.DISMISS);
		closedAt = at;
		outcome = AlertOutcome.NO_ACTION;
		register(new AlertEvent.AlertClosed(id, outcome, raised.fact().scopePath(), at));
	}

	public void check(AlertAction action) {
		AlertLifecycle.TABLE.require(state, action);
	}

	public UUID id() {
		return id;
	}

	public Raised raised() {
		return raised;
	}

	public AlertState state() {
		return state;
	}

	public UUID ownerId() {
		return ownerId;
	}

	public String ownerName() {
		return ownerName;
	}

	public Instant acknowledgedAt() {
		return acknowledgedAt;
	}

	public Instant handledAt() {
		return handledAt;
	}

	public String handledNote() {
		return handledNote;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public AlertOutcome outcome() {
		return outcome;
	}
}
