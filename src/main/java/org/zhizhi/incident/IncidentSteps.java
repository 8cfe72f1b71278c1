package org.zhizhi.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.zhizhi.incident.IncidentLifecycle.Transition;
import org.zhizhi.incident.persistence.JdbcExtensions;
import org.zhizhi.incident.persistence.JdbcIncidents;
import org.zhizhi.incident.persistence.JdbcUnits;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;

/**
 * What every step has in common, so that the command classes say only what is particular to theirs: finding the
 * incident as the actor may see it, the checks on who he is, the one conditional update whose row count decides a race,
 * the insert-only timeline entry and the step's {@link IncidentEvent} — all in the caller's transaction.
 */
@Component
class IncidentSteps {

	static final int MAX_NOTE = 1000;

	private final JdbcIncidents incidents;

	private final JdbcUnits units;

	private final JdbcExtensions extensions;

	private final IncidentQueries queries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CommandShape shape;

	IncidentSteps(JdbcIncidents incidents, JdbcUnits units, JdbcExtensions extensions, IncidentQueries queries,
			ApplicationEventPublisher events, Clock clock, CommandShape shape) {
		this.shape = shape;
		this.incidents = incidents;
		this.units = units;
		this.extensions = extensions;
		this.queries = queries;
		this.events = events;
		this.clock = clock;
	}

	Instant now() {
		return clock.instant();
	}

	/** The incident, if it lies in the actor's scope; one outside it does not exist for him. */
	Incident load(Actor actor, UUID id) {
		return incidents.load(actor.scope(), id)
			.filter(incident -> queries.mayView(actor, incident.view()))
			.orElseThrow(() -> DomainException.notFound("incident"));
	}

	/**
	 * The incident as the actor may see it (404 otherwise), if the policy lets him take the step (403 with its code
	 * otherwise), for a command of the right shape (400 naming its fields). Whether the incident's state allows the
	 * step the lifecycle says after.
	 */
	Incident load(Actor actor, UUID id, IncidentAction action, IncidentCommand command) {
		Incident incident = load(actor, id);
		require(actor, incident, action);
		check(command);
		return incident;
	}

	/** Refuses a command whose shape is wrong (required fields, lengths, ranges: its Bean Validation). */
	void check(Object command) {
		shape.check(command);
	}

	/** Refuses an actor who holds none of the roles a step needs. */
	static void requireRole(Actor actor, Set<Role> allowed) {
		if (!actor.hasAny(allowed)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "incident.roleNotAllowed");
		}
	}

	/**
	 * Where the actor stands to the incident, as {@link IncidentPolicy} needs it. One query at most for who he is (only
	 * a unit's liaison has a unit: an account serves one unit), one for his unit's part only when a part step or a page
	 * asks, one for a pending extension only when a page asks.
	 */
	private IncidentPolicy.Standing standing(Actor actor, IncidentView incident, boolean withPart,
			boolean withPendingExtension) {
		UUID unit = actor.hasAny(Units.LIAISON_ROLES) ? units.unitOf(actor.userId()).orElse(null) : null;
		boolean handler = actor.userId().equals(incident.claimedBy())
				|| unit != null && unit.equals(incident.unitId());
		boolean assignee = switch (incident.ownerKind()) {
			case MEMBER -> actor.userId().equals(incident.ownerId());
			case UNIT -> unit != null && unit.equals(incident.ownerId());
			case ORG_UNIT -> false;
		};
		IncidentPart part = !withPart || unit == null ? null
				: units.parts(incident.id())
					.stream()
					.filter(p -> p.unitId().equals(unit) && !p.lead())
					.findFirst()
					.orElse(null);
		boolean pending = withPendingExtension && extensions.pending(incident.id()).isPresent();
		return new IncidentPolicy.Standing(handler, assignee, part, pending);
	}

	/** Refuses the actor if the policy does not let him take the step (403 with the policy's stable code). */
	IncidentPolicy.Standing require(Actor actor, Incident incident, IncidentAction action) {
		boolean partStep = action == IncidentAction.PART_ANSWER || action == IncidentAction.PART_DONE
				|| action == IncidentAction.PART_HAND_BACK;
		IncidentPolicy.Standing standing = standing(actor, incident.view(), partStep, false);
		IncidentPolicy.require(actor, incident.view(), standing, action);
		return standing;
	}

	/** The steps the actor may take on the incident now: what the API, the desk and the phone offer. */
	java.util.Set<IncidentAction> allowedActions(Actor actor, IncidentView incident) {
		return IncidentPolicy.allowedActions(actor, incident, standing(actor, incident, true, true));
	}

	/**
	 * The photos a step refers to: each must be attached to this incident, by the actor himself (so that an
	 * after-photo is his own and not the reporter's picture of the damage).
	 */
	List<UUID> ownPhotos(Actor actor, Incident incident, List<UUID> photoIds, boolean required) {
		List<UUID> ids = photoIds == null ? List.of() : photoIds.stream().distinct().toList();
		if (ids.isEmpty()) {
			if (required) {
				throw DomainException.invalid(List.of(new FieldProblem("photoIds", "incident.photoRequired")));
			}
			return ids;
		}
		Set<UUID> own = new HashSet<>(incidents.photosAddedBy(incident.id(), actor.userId()));
		if (!own.containsAll(ids)) {
			throw DomainException.invalid(List.of(new FieldProblem("photoIds", "incident.unknownPhoto")));
		}
		return ids;
	}

	/** The role the timeline shows for the actor: the first of his roles that the step allows. */
	static String actingRole(Actor actor, Set<Role> allowed) {
		return actor.roles()
			.stream()
			.filter(allowed::contains)
			.sorted()
			.findFirst()
			.or(() -> actor.roles().stream().sorted().findFirst())
			.map(Role::name)
			.orElse("UNKNOWN");
	}

	/**
	 * Applies a step: the conditional update, then its timeline entry and event. A lost race (the incident moved on
	 * since it was read) is refused with the state it is in now.
	 */
	IncidentDetail apply(Actor actor, Incident incident, String role, Transition transition, Entry entry) {
		record(actor, incident, role, transition, entry);
		// as the actor may see it: the answer to a step must not name an anonymous reporter either
		return queries.afterStep(actor, incident.id());
	}

	/** As {@link #apply} without reading the incident back, for steps that are followed by another one. */
	void record(Actor actor, Incident incident, String role, Transition transition, Entry entry) {
		if (!incidents.save(incident)) {
			IncidentState current = incidents.find(actor.scope(), incident.id())
				.map(IncidentView::state)
				.orElse(transition.from());
			throw IncidentLifecycle.illegal(current, transition.action());
		}
		incidents.append(TimelineEntry.of(Ids.newId(clock), incident.id(), incident.updatedAt(), actor.userId(),
				actor.displayName(), role, transition.action(), transition.from(), transition.to(), entry.lat(),
				entry.lng(), entry.note(), entry.payload(), entry.distanceM(), entry.flagged(), entry.photoIds()));
		incident.publishEvents(events::publishEvent);
	}

	/**
	 * Records something that happened to the incident without moving it (someone joined it as a follower): only its
	 * timeline entry and event, in the state the incident is in.
	 */
	void remark(Actor actor, IncidentView incident, IncidentAction action, Entry entry) {
		Instant at = clock.instant();
		incidents.append(TimelineEntry.of(Ids.newId(clock), incident.id(), at, actor.userId(), actor.displayName(),
				actingRole(actor, java.util.EnumSet.allOf(Role.class)), action, incident.state(), incident.state(),
				entry.lat(), entry.lng(), entry.note(), entry.payload(), entry.distanceM(), entry.flagged(),
				entry.photoIds()));
		events.publishEvent(IncidentEvent.of(action, incident.id(), incident.state(), incident.state(), at,
				actor.userId()));
	}

	/** What a timeline entry says beyond who and which step: where, the person's note, the step's choices, photos. */
	record Entry(Double lat, Double lng, String note, TimelineDetail payload, Double distanceM, boolean flagged,
			List<UUID> photoIds) {

		/** From where the step was taken, with its note (blank: none) and what it chose. */
		static Entry of(IncidentCommand step, TimelineDetail payload) {
			return new Entry(step.lat(), step.lng(), IncidentSteps.note(step.note()), payload, null, false, List.of());
		}

		/** The system's entry, or one that says nothing but who and which step. */
		static Entry of(TimelineDetail payload) {
			return new Entry(null, null, null, payload, null, false, List.of());
		}

		Entry withNote(String text) {
			return new Entry(lat, lng, text, payload, distanceM, flagged, photoIds);
		}

		Entry withPayload(TimelineDetail detail) {
			return new Entry(lat, lng, note, detail, distanceM, flagged, photoIds);
		}

		Entry withPhotos(List<UUID> ids) {
			return new Entry(lat, lng, note, payload, distanceM, flagged, ids);
		}
	}

	static String note(String note) {
		return note == null || note.isBlank() ? null : note.strip();
	}

}
