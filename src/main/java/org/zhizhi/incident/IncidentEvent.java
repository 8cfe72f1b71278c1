package org.zhizhi.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to an incident: one past-tense record per {@link IncidentAction}, registered by the {@link Incident}
 * step that took it and published, inside the step's own transaction, once the step has been written. Listeners that
 * keep figures (KPI rollups), tell people (inbox) or keep another module's index (Open311) listen to this interface
 * and see every step through the common accessors; one that cares about a single kind listens to its record.
 *
 * <p>Every record carries the incident, the states before and after the step ({@code from} is null for the report
 * itself; a step that leaves the incident where it is has {@code from == to}), the instant and who took it; a few also
 * carry what the step chose (a rating, a card …). The action is the record's type and is not stored twice.
 * Publications to other modules are kept as JSON in the event publication registry until delivered, so a record only
 * ever gains fields: renaming one would leave an outstanding publication unreadable.
 */
public sealed interface IncidentEvent {

	/**
	 * The condition of an {@code @ApplicationModuleListener} that has nothing to do for a new report: the event
	 * publication registry evaluates it before it writes a publication, so such a listener costs a report nothing.
	 */
	String NOT_A_REPORT = "#p0.action() != T(org.zhizhi.incident.IncidentAction).REPORT";

	UUID incidentId();

	IncidentState from();

	IncidentState to();

	Instant at();

	UUID actorId();

	/** The step, as the timeline names it. */
	default IncidentAction action() {
		return switch (this) {
			case IncidentReported e -> IncidentAction.REPORT;
			case IncidentAccepted e -> IncidentAction.ACCEPT;
			case IncidentRejected e -> IncidentAction.REJECT;
			case IncidentTriaged e -> IncidentAction.TRIAGE;
			case IncidentClosed e -> IncidentAction.CLOSE;
			case IncidentWhistled e -> IncidentAction.WHISTLE;
			case IncidentAssigned e -> IncidentAction.ASSIGN;
			case IncidentClaimed e -> IncidentAction.CLAIM;
			case IncidentAnswered e -> IncidentAction.ANSWER;
			case IncidentHandedBack e -> IncidentAction.HAND_BACK;
			case PartAnswered e -> IncidentAction.PART_ANSWER;
			case PartDone e -> IncidentAction.PART_DONE;
			case PartHandedBack e -> IncidentAction.PART_HAND_BACK;
			case PhotoAdded e -> IncidentAction.PHOTO;
			case NoteAdded e -> IncidentAction.NOTE;
			case IncidentCheckedIn e -> IncidentAction.CHECK_IN;
			case IncidentResolved e -> IncidentAction.RESOLVE;
			case IncidentVerified e -> IncidentAction.VERIFY;
			case IncidentReworked e -> IncidentAction.REWORK;
			case IncidentRated e -> IncidentAction.RATE;
			case IncidentReopened e -> IncidentAction.REOPEN;
			case ClosureKept e -> IncidentAction.KEEP_CLOSED;
			case IncidentEscalated e -> IncidentAction.ESCALATE;
			case IncidentUrged e -> IncidentAction.URGE;
			case ExtensionRequested e -> IncidentAction.EXTENSION_REQUEST;
			case ExtensionApproved e -> IncidentAction.EXTENSION_APPROVE;
			case ExtensionRefused e -> IncidentAction.EXTENSION_REFUSE;
			case IncidentJoined e -> IncidentAction.JOIN;
		};
	}

	/** The event of a step that chose nothing a record carries. */
	static IncidentEvent of(IncidentAction action, UUID id, IncidentState from, IncidentState to, Instant at,
			UUID actor) {
		return of(action, id, from, to, at, actor, null);
	}

	/**
	 * The event of a step, with what the step chose where its record carries it: the {@link RejectReason}, the
	 * {@link Triage}, the {@link WhistleType}, the {@link Rating} or the {@link UrgeCard} (of the type the action's
	 * record takes; {@code null} for any other step).
	 */
	static IncidentEvent of(IncidentAction action, UUID id, IncidentState from, IncidentState to, Instant at,
			UUID actor, Enum<?> choice) {
		return switch (action) {
			case REPORT -> new IncidentReported(id, from, to, at, actor);
			case ACCEPT -> new IncidentAccepted(id, from, to, at, actor);
			case REJECT -> new IncidentRejected(id, from, to, at, actor, (RejectReason) choice);
			case TRIAGE -> new IncidentTriaged(id, from, to, at, actor, (Triage) choice);
			case CLOSE -> new IncidentClosed(id, from, to, at, actor);
			case WHISTLE -> new IncidentWhistled(id, from, to, at, actor, (WhistleType) choice);
			case ASSIGN -> new IncidentAssigned(id, from, to, at, actor);
			case CLAIM -> new IncidentClaimed(id, from, to, at, actor);
			case ANSWER -> new IncidentAnswered(id, from, to, at, actor);
			case HAND_BACK -> new IncidentHandedBack(id, from, to, at, actor);
			case PART_ANSWER -> new PartAnswered(id, from, to, at, actor);
			case PART_DONE -> new PartDone(id, from, to, at, actor);
			case PART_HAND_BACK -> new PartHandedBack(id, from, to, at, actor);
			case PHOTO -> new PhotoAdded(id, from, to, at, actor);
			case NOTE -> new NoteAdded(id, from, to, at, actor);
			case CHECK_IN -> new IncidentCheckedIn(id, from, to, at, actor);
			case RESOLVE -> new IncidentResolved(id, from, to, at, actor);
			case VERIFY -> new IncidentVerified(id, from, to, at, actor);
			case REWORK -> new IncidentReworked(id, from, to, at, actor);
			case RATE -> new IncidentRated(id, from, to, at, actor, (Rating) choice);
			case REOPEN -> new IncidentReopened(id, from, to, at, actor);
			case KEEP_CLOSED -> new ClosureKept(id, from, to, at, actor);
			case ESCALATE -> new IncidentEscalated(id, from, to, at, actor);
			case URGE -> new IncidentUrged(id, from, to, at, actor, (UrgeCard) choice);
			case EXTENSION_REQUEST -> new ExtensionRequested(id, from, to, at, actor);
			case EXTENSION_APPROVE -> new ExtensionApproved(id, from, to, at, actor);
			case EXTENSION_REFUSE -> new ExtensionRefused(id, from, to, at, actor);
			case JOIN -> new IncidentJoined(id, from, to, at, actor);
		};
	}

	// --- intake and triage

	/** 上报: a new incident at its grid. */
	record IncidentReported(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	record IncidentAccepted(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	/** Refused as a duplicate, invalid or not ours. */
	record IncidentRejected(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId,
			RejectReason reason) implements IncidentEvent {
	}

	/** 三事分流: public, community or private (which closes at once). */
	record IncidentTriaged(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId,
			Triage triage) implements IncidentEvent {
	}

	record IncidentClosed(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	// --- dispatch

	/** 网格吹哨, with the whistle's type (its deadlines follow from it). */
	record IncidentWhistled(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId,
			WhistleType type) implements IncidentEvent {
	}

	/** 指派 or 轮派 to a member or a unit, who must answer. */
	record IncidentAssigned(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	/** 党员接单: the open call went to the member who took it first. */
	record IncidentClaimed(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	/** 应哨: the assignee took it up. */
	record IncidentAnswered(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	record IncidentHandedBack(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	/** A co-unit of a tough whistle answered for its part; the incident stays where it is. */
	record PartAnswered(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	record PartDone(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	record PartHandedBack(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	// --- in the field

	record PhotoAdded(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	record NoteAdded(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	/** 线下报到 on site. */
	record IncidentCheckedIn(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	/** The handler reported the work done; the tier verifies it. */
	record IncidentResolved(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	// --- closing the loop

	record IncidentVerified(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	/** 返工: back to whoever handled it. */
	record IncidentReworked(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	/** The reporter's rating; an unsatisfied one waits for the community's follow-up. */
	record IncidentRated(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId,
			Rating rating) implements IncidentEvent {
	}

	/** After an unsatisfied rating: back to work. */
	record IncidentReopened(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	/** After an unsatisfied rating: the community said why it stays closed. */
	record ClosureKept(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	// --- supervision

	/** 分级响应: raised one tier. */
	record IncidentEscalated(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	/** 督办: a yellow or red card, by hand or by the overdue sweep. */
	record IncidentUrged(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId,
			UrgeCard card) implements IncidentEvent {
	}

	record ExtensionRequested(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	record ExtensionApproved(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	record ExtensionRefused(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}

	/** Someone with the same concern joined it as a follower; the incident stays where it is. */
	record IncidentJoined(UUID incidentId, IncidentState from, IncidentState to, Instant at, UUID actorId)
			implements IncidentEvent {
	}
}
