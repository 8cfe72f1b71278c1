package org.zhizhi.incident;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/**
 * The incident's state machine, free of any framework: each step is allowed from named states only and answers the
 * state it leads to, or is refused with a conflict naming the state the incident is in.
 */
public final class IncidentLifecycle {

	/** Who accepts, rejects, triages, blows the whistle, dispatches and raises: the grid (leader) and the tiers above. */
	static final Set<Role> DISPATCHERS = EnumSet.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_STAFF,
			Role.DISTRICT_ADMIN, Role.SYSTEM_ADMIN);

	/** Who takes an open order (党员接单). */
	static final Set<Role> CLAIMERS = EnumSet.of(Role.PARTY_MEMBER);

	/** Who verifies a resolution or sends it back (never its handler, which the policy adds). */
	static final Set<Role> VERIFIERS = EnumSet.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF);

	/** Who records a rating from a call-back (回访) and follows an unsatisfied rating up. */
	static final Set<Role> CALL_BACK_STAFF = EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF);

	/**
	 * The roles a handler acts in: a member who took the order, a grid worker assigned it, a unit's liaison. Whether
	 * he is the handler is a relation the policy checks, not a role.
	 */
	static final Set<Role> HANDLERS = EnumSet.of(Role.PARTY_MEMBER, Role.GRID_WORKER, Role.PARTNER_LIAISON,
			Role.PROPERTY_STAFF);

	/** Who urges with yellow and red cards, and decides extensions (provided his scope is one tier up). */
	static final Set<Role> SUPERVISORS = EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN,
			Role.SYSTEM_ADMIN);

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

	/**
	 * The table: from where each step may be taken, where it leads, and who takes it. REPORT (the first entry), PHOTO
	 * and JOIN are recorded on the timeline but are no steps of the life cycle.
	 */
	public static final Lifecycle<IncidentState, IncidentAction> TABLE = Lifecycle
		.of(IncidentState.class, IncidentAction.class, "incident.illegalTransition")
		.step(IncidentAction.ACCEPT, EnumSet.of(IncidentState.REPORTED), IncidentState.ACCEPTED, DISPATCHERS)
		.step(IncidentAction.REJECT, EnumSet.of(IncidentState.REPORTED), IncidentState.REJECTED, DISPATCHERS)
		.step(IncidentAction.TRIAGE, EnumSet.of(IncidentState.ACCEPTED), IncidentState.TRIAGED, DISPATCHERS)
		// a private matter closes at triage; a verified incident closes in the verifier's step
		.step(IncidentAction.CLOSE, EnumSet.of(IncidentState.ACCEPTED, IncidentState.VERIFIED), IncidentState.CLOSED,
				union(DISPATCHERS, VERIFIERS))
		.step(IncidentAction.WHISTLE, EnumSet.of(IncidentState.TRIAGED), IncidentState.WHISTLED, DISPATCHERS)
		.step(IncidentAction.CLAIM, EnumSet.of(IncidentState.WHISTLED), IncidentState.CLAIMED, CLAIMERS)
		.step(IncidentAction.ASSIGN, EnumSet.of(IncidentState.WHISTLED), IncidentState.ASSIGNED, DISPATCHERS)
		.step(IncidentAction.ANSWER, EnumSet.of(IncidentState.ASSIGNED), IncidentState.CLAIMED, HANDLERS)
		.step(IncidentAction.HAND_BACK, EnumSet.of(IncidentState.ASSIGNED, IncidentState.CLAIMED),
				IncidentState.WHISTLED, HANDLERS)
		.step(IncidentAction.CHECK_IN, EnumSet.of(IncidentState.CLAIMED, IncidentState.REWORK),
				IncidentState.CHECKED_IN, HANDLERS)
		.step(IncidentAction.RESOLVE, EnumSet.of(IncidentState.CHECKED_IN, IncidentState.REWORK),
				IncidentState.RESOLVED, HANDLERS)
		.step(IncidentAction.VERIFY, EnumSet.of(IncidentState.RESOLVED), IncidentState.VERIFIED, VERIFIERS)
		.step(IncidentAction.REWORK, EnumSet.of(IncidentState.RESOLVED), IncidentState.REWORK, VERIFIERS)
		.step(IncidentAction.RATE, EnumSet.of(IncidentState.CLOSED), IncidentState.RATED, CALL_BACK_STAFF)
		// back to the handler for rework, or to triage when nobody handled it
		.step(IncidentAction.REOPEN, EnumSet.of(IncidentState.RATED),
				EnumSet.of(IncidentState.REWORK, IncidentState.ACCEPTED), CALL_BACK_STAFF)
		.stay(IncidentAction.KEEP_CLOSED, EnumSet.of(IncidentState.RATED), CALL_BACK_STAFF)
		// one not yet whistled stays in triage; any other waits for the new tier's whistle
		.step(IncidentAction.ESCALATE, ESCALATABLE, EnumSet.of(IncidentState.TRIAGED, IncidentState.WHISTLED),
				DISPATCHERS)
		.stay(IncidentAction.URGE, HANDLING, SUPERVISORS)
		.stay(IncidentAction.NOTE, HANDLING, DISPATCHERS)
		.stay(IncidentAction.EXTENSION_REQUEST, IN_HAND, HANDLERS)
		.stay(IncidentAction.EXTENSION_APPROVE, IN_HAND, SUPERVISORS)
		.stay(IncidentAction.EXTENSION_REFUSE, IN_HAND, SUPERVISORS)
		.stay(IncidentAction.PART_ANSWER, IN_HAND, HANDLERS)
		.stay(IncidentAction.PART_DONE, IN_HAND, HANDLERS)
		.stay(IncidentAction.PART_HAND_BACK, IN_HAND, HANDLERS)
		.build();

	private static Set<Role> union(Set<Role> a, Set<Role> b) {
		Set<Role> all = EnumSet.copyOf(a);
		all.addAll(b);
		return all;
	}

	/** A step that may be taken: from where, to where, and what the timeline calls it. */
	public record Transition(IncidentState from, IncidentState to, IncidentAction action) {
	}

	private IncidentLifecycle() {
	}

	/** The community (or grid leader) takes a report in. */
	public static Transition accept(IncidentState current) {
		require(current, IncidentAction.ACCEPT);
		return new Transition(current, IncidentState.ACCEPTED, IncidentAction.ACCEPT);
	}

	/** A report that is a duplicate, invalid or not ours is refused, with its reason. */
	public static Transition reject(IncidentState current, RejectReason reason) {
		require(current, IncidentAction.REJECT);
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
		require(current, IncidentAction.TRIAGE);
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
		require(current, IncidentAction.WHISTLE);
		if (type == null) {
			throw DomainException.invalid(List.of(new FieldProblem("type", "validation.required")));
		}
		return new Transition(current, IncidentState.WHISTLED,
				IncidentAction.WHISTLE);
	}

	/** A party member takes the open order (党员接单). */
	public static Transition claim(IncidentState current) {
		require(current, IncidentAction.CLAIM);
		return new Transition(current, IncidentState.CLAIMED, IncidentAction.CLAIM);
	}

	/** The dispatcher names the member or unit who must answer (指派, or 轮派 choosing the next in turn). */
	public static Transition assign(IncidentState current) {
		require(current, IncidentAction.ASSIGN);
		return new Transition(current, IncidentState.ASSIGNED, IncidentAction.ASSIGN);
	}

	/** The assigned member or unit answers (应哨) and from then on handles it like a claimer. */
	public static Transition answer(IncidentState current) {
		require(current, IncidentAction.ANSWER);
		return new Transition(current, IncidentState.CLAIMED, IncidentAction.ANSWER);
	}

	/** The assignee (or a claimer before any work on site) hands the order back, with the reason, to be dispatched. */
	public static Transition handBack(IncidentState current, String reason) {
		require(current, IncidentAction.HAND_BACK);
		// the reason arrives as the step's note: name the field the caller fills in
		requireText("note", reason, "incident.handBackNeedsReason");
		return new Transition(current, IncidentState.WHISTLED, IncidentAction.HAND_BACK);
	}

	/** The claimer reports on site (线下报到), first after the claim or again after a rework. */
	public static Transition checkIn(IncidentState current) {
		require(current, IncidentAction.CHECK_IN);
		return new Transition(current, IncidentState.CHECKED_IN, IncidentAction.CHECK_IN);
	}

	/** The claimer reports the work done, with a note of what was done; after a rework he may resolve at once. */
	public static Transition resolve(IncidentState current, String note) {
		require(current, IncidentAction.RESOLVE);
		requireText("note", note, "incident.resolveNeedsNote");
		return new Transition(current, IncidentState.RESOLVED, IncidentAction.RESOLVE);
	}

	/** The grid or community checks the resolution and passes it; {@link #close} follows in the same step. */
	public static Transition verify(IncidentState current) {
		require(current, IncidentAction.VERIFY);
		return new Transition(current, IncidentState.VERIFIED, IncidentAction.VERIFY);
	}

	/** A verified incident is closed. */
	public static Transition close(IncidentState current) {
		// the table's other way to CLOSE is a private matter at triage, which triage() answers itself
		if (current != IncidentState.VERIFIED) {
			throw illegal(current, IncidentAction.CLOSE);
		}
		return new Transition(current, IncidentState.CLOSED, IncidentAction.CLOSE);
	}

	/** The resolution fails verification: back to the claimer (返工), with the reason. */
	public static Transition rework(IncidentState current, String note) {
		require(current, IncidentAction.REWORK);
		requireText("note", note, "incident.reworkNeedsNote");
		return new Transition(current, IncidentState.REWORK, IncidentAction.REWORK);
	}

	/** The reporter's rating of a closed incident, once; an unsatisfied one must say why. */
	public static Transition rate(IncidentState current, Rating rating, String comment) {
		require(current, IncidentAction.RATE);
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
		require(current, IncidentAction.ESCALATE);
		if (tier.above().isEmpty()) {
			throw new DomainException(Category.CONFLICT, "TOP_TIER", "incident.topTier");
		}
		return new Transition(current,
				current == IncidentState.TRIAGED ? IncidentState.TRIAGED : IncidentState.WHISTLED,
				IncidentAction.ESCALATE);
	}

	/** 督办: a yellow or red card on an incident still being handled; the state does not change. */
	public static Transition urge(IncidentState current, UrgeCard card) {
		require(current, IncidentAction.URGE);
		if (card == null) {
			throw DomainException.invalid(List.of(new FieldProblem("card", "validation.required")));
		}
		return stay(current, IncidentAction.URGE);
	}

	/** A progress note (with photos, maybe) while the incident is handled; the state does not change. */
	public static Transition note(IncidentState current, String note) {
		require(current, IncidentAction.NOTE);
		requireText("note", note, "incident.noteRequired");
		return stay(current, IncidentAction.NOTE);
	}

	/** 延期申请 by whoever handles the incident: some hours more, with the reason. */
	public static Transition requestExtension(IncidentState current, Integer hours, String reason) {
		require(current, IncidentAction.EXTENSION_REQUEST);
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
				: IncidentAction.EXTENSION_APPROVE);
		if (approve == null) {
			throw DomainException.invalid(List.of(new FieldProblem("approve", "validation.required")));
		}
		return stay(current, approve ? IncidentAction.EXTENSION_APPROVE : IncidentAction.EXTENSION_REFUSE);
	}

	/** A co-unit of a tough whistle answers, finishes or hands back its own part; the incident does not move. */
	public static Transition part(IncidentState current, IncidentAction action) {
		require(current, action);
		return stay(current, action);
	}

	/** Maximum hours one extension request may ask: 30 days. */
	public static final int MAX_EXTENSION_HOURS = 720;

	private static Transition stay(IncidentState current, IncidentAction action) {
		return new Transition(current, current, action);
	}

	private static void requireUnsatisfied(IncidentState current, IncidentAction action, boolean unsatisfiedPending) {
		require(current, action);
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
		return TABLE.illegal(current, action);
	}

	/** Refuses a step from a state the table does not allow it from. */
	private static void require(IncidentState current, IncidentAction action) {
		TABLE.require(current, action);
	}
}
