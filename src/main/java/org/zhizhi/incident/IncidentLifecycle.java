package org.zhizhi.incident;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * The incident's state machine, free of any framework: each step is allowed from named states only and answers the
 * state it leads to, or is refused with a conflict naming the state the incident is in.
 */
public final class IncidentLifecycle {

	/** A step that may be taken: from where, to where, and what the timeline calls it. */
	public record Transition(IncidentState from, IncidentState to, IncidentAction action) {
	}

	private IncidentLifecycle() {
	}

	/** The community (or grid leader) takes a report in. */
	public static Transition accept(IncidentState current) {
		require(current, IncidentAction.ACCEPT, EnumSet.of(IncidentState.REPORTED));
		return new Transition(current, IncidentState.ACCEPTED, IncidentAction.ACCEPT);
	}

	/** A report that is a duplicate, invalid or not ours is refused, with its reason. */
	public static Transition reject(IncidentState current, RejectReason reason) {
		require(current, IncidentAction.REJECT, EnumSet.of(IncidentState.REPORTED));
		if (reason == null) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "validation.required")));
		}
		return new Transition(current, IncidentState.REJECTED, IncidentAction.REJECT);
	}

	/**
	 * 三事分流 of an accepted incident: a public or community matter waits for its whistle; a private matter is closed
	 * at once with a note of the advice given.
	 */
	public static Transition triage(IncidentState current, Triage triage, String note) {
		require(current, IncidentAction.TRIAGE, EnumSet.of(IncidentState.ACCEPTED));
		if (triage == null) {
			throw DomainException.invalid(List.of(new FieldProblem("triage", "validation.required")));
		}
		if (triage == Triage.PRIVATE) {
			if (note == null || note.isBlank()) {
				throw DomainException
					.invalid(List.of(new FieldProblem("note", "incident.privateNeedsNote")));
			}
			return new Transition(current, IncidentState.CLOSED, IncidentAction.CLOSE);
		}
		return new Transition(current, IncidentState.TRIAGED, IncidentAction.TRIAGE);
	}

	/** The grid blows a whistle of a type on a triaged incident. */
	public static Transition whistle(IncidentState current, WhistleType type) {
		require(current, IncidentAction.WHISTLE, EnumSet.of(IncidentState.TRIAGED));
		if (type == null) {
			throw DomainException.invalid(List.of(new FieldProblem("type", "validation.required")));
		}
		return new Transition(current, IncidentState.WHISTLED,
				IncidentAction.WHISTLE);
	}

	/** A party member takes the open order (党员接单). */
	public static Transition claim(IncidentState current) {
		require(current, IncidentAction.CLAIM, EnumSet.of(IncidentState.WHISTLED));
		return new Transition(current, IncidentState.CLAIMED, IncidentAction.CLAIM);
	}

	/** The claimer reports on site (线下报到), first after the claim or again after a rework. */
	public static Transition checkIn(IncidentState current) {
		require(current, IncidentAction.CHECK_IN, EnumSet.of(IncidentState.CLAIMED, IncidentState.REWORK));
		return new Transition(current, IncidentState.CHECKED_IN, IncidentAction.CHECK_IN);
	}

	/** The claimer reports the work done, with a note of what was done; after a rework he may resolve at once. */
	public static Transition resolve(IncidentState current, String note) {
		require(current, IncidentAction.RESOLVE, EnumSet.of(IncidentState.CHECKED_IN, IncidentState.REWORK));
		if (note == null || note.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("note", "incident.resolveNeedsNote")));
		}
		return new Transition(current, IncidentState.RESOLVED, IncidentAction.RESOLVE);
	}

	/** The grid or community checks the resolution and passes it; {@link #close} follows in the same step. */
	public static Transition verify(IncidentState current) {
		require(current, IncidentAction.VERIFY, EnumSet.of(IncidentState.RESOLVED));
		return new Transition(current, IncidentState.VERIFIED, IncidentAction.VERIFY);
	}

	/** A verified incident is closed. */
	public static Transition close(IncidentState current) {
		require(current, IncidentAction.CLOSE, EnumSet.of(IncidentState.VERIFIED));
		return new Transition(current, IncidentState.CLOSED, IncidentAction.CLOSE);
	}

	/** The resolution fails verification: back to the claimer (返工), with the reason. */
	public static Transition rework(IncidentState current, String note) {
		require(current, IncidentAction.REWORK, EnumSet.of(IncidentState.RESOLVED));
		if (note == null || note.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("note", "incident.reworkNeedsNote")));
		}
		return new Transition(current, IncidentState.REWORK, IncidentAction.REWORK);
	}

	/** The reporter's rating of a closed incident, once; an unsatisfied one must say why. */
	public static Transition rate(IncidentState current, Rating rating, String comment) {
		require(current, IncidentAction.RATE, EnumSet.of(IncidentState.CLOSED));
		if (rating == null) {
			throw DomainException.invalid(List.of(new FieldProblem("rating", "validation.required")));
		}
		if (rating == Rating.UNSATISFIED && (comment == null || comment.isBlank())) {
			throw DomainException.invalid(List.of(new FieldProblem("comment", "incident.unsatisfiedNeedsComment")));
		}
		return new Transition(current, IncidentState.RATED, IncidentAction.RATE);
	}

	/** The refusal of a step from the wrong state. */
	public static DomainException illegal(IncidentState current, IncidentAction action) {
		return new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "incident.illegalTransition",
				current.name(), action.name());
	}

	private static void require(IncidentState current, IncidentAction action, Set<IncidentState> allowedFrom) {
		if (!allowedFrom.contains(current)) {
			throw illegal(current, action);
		}
	}
}
