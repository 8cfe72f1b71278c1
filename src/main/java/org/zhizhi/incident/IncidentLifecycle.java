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

	/** The dispatcher names the member or unit who must answer (指派, or 轮派 choosing the next in turn). */
	public static Transition assign(IncidentState current) {
		require(current, IncidentAction.ASSIGN, EnumSet.of(IncidentState.WHISTLED));
		return new Transition(current, IncidentState.ASSIGNED, IncidentAction.ASSIGN);
	}

	/** The assigned member or unit answers (应哨) and from then on handles it like a claimer. */
	public static Transition answer(IncidentState current) {
		require(current, IncidentAction.ANSWER, EnumSet.of(IncidentState.ASSIGNED));
		return new Transition(current, IncidentState.CLAIMED, IncidentAction.ANSWER);
	}

	/** The assignee (or a claimer before any work on site) hands the order back, with the reason, to be dispatched. */
	public static Transition handBack(IncidentState current, String reason) {
		require(current, IncidentAction.HAND_BACK, EnumSet.of(IncidentState.ASSIGNED, IncidentState.CLAIMED));
		// the reason arrives as the step's note: name the field the caller fills in
		requireText("note", reason, "incident.handBackNeedsReason");
		return new Transition(current, IncidentState.WHISTLED, IncidentAction.HAND_BACK);
	}

	/** The claimer reports on site (线下报到), first after the claim or again after a rework. */
	public static Transition checkIn(IncidentState current) {
		require(current, IncidentAction.CHECK_IN, EnumSet.of(IncidentState.CLAIMED, IncidentState.REWORK));
		return new Transition(current, IncidentState.CHECKED_IN, IncidentAction.CHECK_IN);
	}

	/** The claimer reports the work done, with a note of what was done; after a rework he may resolve at once. */
	public static Transition resolve(IncidentState current, String note) {
		require(current, IncidentAction.RESOLVE, EnumSet.of(IncidentState.CHECKED_IN, IncidentState.REWORK));
		requireText("note", note, "incident.resolveNeedsNote");
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
		requireText("note", note, "incident.reworkNeedsNote");
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

	/**
	 * After an unsatisfied rating the community reopens the incident: back to its handler for rework, or — when nobody
	 * handled it (a private matter closed with advice) — back to triage.
	 */
	public static Transition reopen(IncidentState current, boolean unsatisfiedPending, boolean handled, String note) {
		requireUnsatisfied(current, IncidentAction.REOPEN, unsatisfiedPending);
		requireText("note", note, "incident.reopenNeedsNote");
		return new Transition(current, handled ? IncidentState.REWORK : IncidentState.ACCEPTED,
				IncidentAction.REOPEN);
	}

	/** After an unsatisfied rating the community records why the incident stays closed. */
	public static Transition keepClosed(IncidentState current, boolean unsatisfiedPending, String note) {
		requireUnsatisfied(current, IncidentAction.KEEP_CLOSED, unsatisfiedPending);
		requireText("note", note, "incident.keepClosedNeedsNote");
		return stay(current, IncidentAction.KEEP_CLOSED);
	}

	/**
	 * 分级响应: the incident goes one tier up, to be dispatched there. One not yet whistled stays in triage; any other
	 * waits for the new tier's whistle, and whoever held it lets go.
	 */
	public static Transition escalate(IncidentState current, Tier tier) {
		require(current, IncidentAction.ESCALATE, ESCALATABLE);
		if (tier.above().isEmpty()) {
			throw new DomainException(Category.CONFLICT, "TOP_TIER", "incident.topTier");
		}
		return new Transition(current,
				current == IncidentState.TRIAGED ? IncidentState.TRIAGED : IncidentState.WHISTLED,
				IncidentAction.ESCALATE);
	}

	/** 督办: a yellow or red card on an incident still being handled; the state does not change. */
	public static Transition urge(IncidentState current, UrgeCard card) {
		require(current, IncidentAction.URGE, HANDLING);
		if (card == null) {
			throw DomainException.invalid(List.of(new FieldProblem("card", "validation.required")));
		}
		return stay(current, IncidentAction.URGE);
	}

	/** A progress note (with photos, maybe) while the incident is handled; the state does not change. */
	public static Transition note(IncidentState current, String note) {
		require(current, IncidentAction.NOTE, HANDLING);
		requireText("note", note, "incident.noteRequired");
		return stay(current, IncidentAction.NOTE);
	}

	/** 延期申请 by whoever handles the incident: some hours more, with the reason. */
	public static Transition requestExtension(IncidentState current, Integer hours, String reason) {
		require(current, IncidentAction.EXTENSION_REQUEST, IN_HAND);
		List<FieldProblem> problems = new java.util.ArrayList<>();
		if (hours == null) {
			problems.add(new FieldProblem("hours", "validation.required"));
		}
		else if (hours < 1 || hours > MAX_EXTENSION_HOURS) {
			problems.add(new FieldProblem("hours", "incident.extensionHours", MAX_EXTENSION_HOURS));
		}
		if (reason == null || reason.isBlank()) {
			// the reason arrives as the step's note
			problems.add(new FieldProblem("note", "incident.extensionNeedsReason"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return stay(current, IncidentAction.EXTENSION_REQUEST);
	}

	/** The tier above approves or refuses a pending extension request; the state does not change. */
	public static Transition decideExtension(IncidentState current, Boolean approve) {
		require(current, Boolean.FALSE.equals(approve) ? IncidentAction.EXTENSION_REFUSE
				: IncidentAction.EXTENSION_APPROVE, IN_HAND);
		if (approve == null) {
			throw DomainException.invalid(List.of(new FieldProblem("approve", "validation.required")));
		}
		return stay(current, approve ? IncidentAction.EXTENSION_APPROVE : IncidentAction.EXTENSION_REFUSE);
	}

	/** A co-unit of a tough whistle answers, finishes or hands back its own part; the incident does not move. */
	public static Transition part(IncidentState current, IncidentAction action) {
		require(current, action, IN_HAND);
		return stay(current, action);
	}

	/** Maximum hours one extension request may ask: 30 days. */
	public static final int MAX_EXTENSION_HOURS = 720;

	/** States in which somebody is working on the incident (or must take it up). */
	static final Set<IncidentState> HANDLING = EnumSet.of(IncidentState.TRIAGED, IncidentState.WHISTLED,
			IncidentState.ASSIGNED, IncidentState.CLAIMED, IncidentState.CHECKED_IN, IncidentState.RESOLVED,
			IncidentState.REWORK);

	/** States in which a named member or unit holds the incident. */
	static final Set<IncidentState> IN_HAND = EnumSet.of(IncidentState.ASSIGNED, IncidentState.CLAIMED,
			IncidentState.CHECKED_IN, IncidentState.REWORK);

	/** States from which an incident may go up a tier: before the resolution is reported. */
	static final Set<IncidentState> ESCALATABLE = EnumSet.of(IncidentState.TRIAGED, IncidentState.WHISTLED,
			IncidentState.ASSIGNED, IncidentState.CLAIMED, IncidentState.CHECKED_IN, IncidentState.REWORK);

	private static Transition stay(IncidentState current, IncidentAction action) {
		return new Transition(current, current, action);
	}

	private static void requireUnsatisfied(IncidentState current, IncidentAction action, boolean unsatisfiedPending) {
		require(current, action, EnumSet.of(IncidentState.RATED));
		if (!unsatisfiedPending) {
			throw new DomainException(Category.CONFLICT, "NOT_UNSATISFIED", "incident.notUnsatisfied");
		}
	}

	private static void requireText(String field, String text, String messageKey) {
		if (text == null || text.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem(field, messageKey)));
		}
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
