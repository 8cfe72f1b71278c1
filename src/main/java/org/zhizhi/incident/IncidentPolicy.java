package org.zhizhi.incident;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.incident.IncidentPart.PartState;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException;

/**
 * Who may take which step on an incident: the one answer for the API, the desk and the phone. The lifecycle table
 * says from which states a step is allowed and which roles take it; this adds the relations only the incident knows —
 * the handler, the assignee, a co-unit's part, the reporter, the tier the incident has been raised to. The commands
 * enforce it with {@link #require}; the pages offer exactly {@link #allowedActions}. Free of Spring and SQL: what it
 * needs from the database arrives as a {@link Standing}.
 */
public final class IncidentPolicy {

	/** Steps a person takes on an incident with a form or a button; the others are the system's or happen by the way. */
	static final Set<IncidentAction> OFFERED = Collections.unmodifiableSet(EnumSet.complementOf(
			EnumSet.of(IncidentAction.REPORT, IncidentAction.CLOSE, IncidentAction.PHOTO, IncidentAction.JOIN)));

	/**
	 * Where the actor stands to the incident, read from the database by {@code IncidentSteps}.
	 *
	 * @param handler he holds it: its claimer, or a liaison of the unit that holds it
	 * @param assignee it was assigned to him by name, or to his unit
	 * @param part his unit's part of a tough whistle (co-units only), or null
	 * @param pendingExtension an extension request waits for a decision
	 */
	public record Standing(boolean handler, boolean assignee, IncidentPart part, boolean pendingExtension) {
	}

	private IncidentPolicy() {
	}

	/** The steps the actor may take on the incident now: allowed from its state, by him, and with what they need. */
	public static Set<IncidentAction> allowedActions(Actor actor, IncidentView incident, Standing standing) {
		Set<IncidentAction> allowed = EnumSet.noneOf(IncidentAction.class);
		for (IncidentAction action : IncidentLifecycle.TABLE.actionsFrom(incident.state())) {
			if (OFFERED.contains(action) && refusal(actor, incident, standing, action) == null
					&& ready(incident, standing, action)) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	/** Refuses the actor if he may not take the step, whatever state the incident is in (403 with a stable code). */
	public static void require(Actor actor, IncidentView incident, Standing standing, IncidentAction action) {
		DomainException refusal = refusal(actor, incident, standing, action);
		if (refusal != null) {
			throw refusal;
		}
	}

	/** Why the actor may not take the step, or null if he may. The order of the checks is the order of the refusals. */
	static DomainException refusal(Actor actor, IncidentView incident, Standing standing, IncidentAction action) {
		return switch (action) {
			case ACCEPT, REJECT, TRIAGE, WHISTLE, ASSIGN, ESCALATE ->
				firstOf(role(actor, action), tier(actor, incident));
			case CLAIM, URGE, REOPEN, KEEP_CLOSED -> role(actor, action);
			case ANSWER -> standing.assignee() ? null : notTheAssignee();
			case HAND_BACK -> incident.state() == IncidentState.ASSIGNED
					? (standing.assignee() ? null : notTheAssignee()) : handler(standing);
			case CHECK_IN, RESOLVE, EXTENSION_REQUEST -> handler(standing);
			case VERIFY, REWORK -> firstOf(role(actor, action), standing.handler()
					? new DomainException(Category.FORBIDDEN, "OWN_WORK", "incident.cannotVerifyOwnWork") : null);
			case RATE -> actor.userId().equals(incident.reporterId()) ? null : role(actor, action);
			case NOTE -> standing.handler() ? null : role(actor, action);
			case EXTENSION_APPROVE, EXTENSION_REFUSE -> firstOf(role(actor, action), oneTierUp(actor, incident));
			case PART_ANSWER, PART_DONE, PART_HAND_BACK -> standing.part() != null ? null
					: new DomainException(Category.FORBIDDEN, "NOT_A_PART", "incident.notAPart");
			case REPORT, CLOSE, PHOTO, JOIN -> null;
		};
	}

	/** What a step needs beyond state and person before a page offers it. */
	private static boolean ready(IncidentView incident, Standing standing, IncidentAction action) {
		return switch (action) {
			case CLAIM -> incident.claimedBy() == null && incident.unitId() == null;
			case ESCALATE -> incident.tier().above().isPresent();
			case REOPEN, KEEP_CLOSED -> incident.unsatisfiedPending();
			// an assigned order is answered (or handed back) before anything else is done with it
			case NOTE -> incident.state() != IncidentState.ASSIGNED || !standing.assignee();
			case EXTENSION_REQUEST -> !standing.pendingExtension() && incident.state() != IncidentState.ASSIGNED;
			case EXTENSION_APPROVE, EXTENSION_REFUSE -> standing.pendingExtension();
			case PART_ANSWER -> standing.part().state() == PartState.ASSIGNED;
			case PART_DONE, PART_HAND_BACK -> standing.part().state() == PartState.ASSIGNED
					|| standing.part().state() == PartState.ACCEPTED;
			default -> true;
		};
	}

	private static DomainException role(Actor actor, IncidentAction action) {
		return IncidentLifecycle.TABLE.mayTake(actor.roles(), action) ? null
				: new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "incident.roleNotAllowed");
	}

	/**
	 * Once raised, the tier below no longer dispatches: only staff whose scope covers the org unit of the incident's
	 * tier do.
	 */
	private static DomainException tier(Actor actor, IncidentView incident) {
		return actor.scope().covers(incident.tier().pathAbove(incident.scopePath())) ? null
				: new DomainException(Category.FORBIDDEN, "BELOW_TIER", "incident.belowTier", incident.tier().name());
	}

	/** An extension is decided one tier above the incident's (the district decides its own). */
	private static DomainException oneTierUp(Actor actor, IncidentView incident) {
		Tier approving = incident.tier().above().orElse(Tier.DISTRICT);
		return actor.scope().covers(approving.pathAbove(incident.scopePath())) ? null
				: new DomainException(Category.FORBIDDEN, "NOT_ONE_TIER_UP", "incident.notOneTierUp");
	}

	private static DomainException handler(Standing standing) {
		return standing.handler() ? null
				: new DomainException(Category.FORBIDDEN, "NOT_THE_HANDLER", "incident.notTheHandler");
	}

	private static DomainException notTheAssignee() {
		return new DomainException(Category.FORBIDDEN, "NOT_THE_ASSIGNEE", "incident.notTheAssignee");
	}

	private static DomainException firstOf(DomainException first, DomainException second) {
		return first != null ? first : second;
	}
}
