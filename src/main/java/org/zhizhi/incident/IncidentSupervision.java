package org.zhizhi.incident;

import static org.zhizhi.incident.IncidentSteps.note;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.IncidentLifecycle.Transition;
import org.zhizhi.incident.IncidentSteps.Entry;
import org.zhizhi.incident.persistence.JdbcExtensions;
import org.zhizhi.incident.persistence.JdbcUnits;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;

/**
 * Watching over incidents: raising one a tier (分级响应, by hand or when nobody took it up in time), urging with yellow
 * and red cards (督办, one by one or in a batch, and a red card when the resolution deadline passes), and extension
 * requests (延期申请) decided one tier up.
 */
@Service
public class IncidentSupervision {

	/** Who urges, and who decides an extension (provided his scope covers the tier above the incident's). */
	static final Set<Role> URGERS = IncidentLifecycle.SUPERVISORS;

	static final Set<Role> APPROVERS = IncidentLifecycle.SUPERVISORS;

	/** The account the overdue sweep acts as: not a person, so the timeline says 系统. */
	static final UUID SYSTEM_ACTOR = new UUID(0, 0);

	private final IncidentSteps steps;

	private final JdbcExtensions extensions;

	private final JdbcUnits units;

	private final DueDates dueDates;

	private final MessageSource messages;

	IncidentSupervision(IncidentSteps steps, JdbcExtensions extensions, JdbcUnits units, DueDates dueDates,
			MessageSource messages) {
		this.messages = messages;
		this.steps = steps;
		this.extensions = extensions;
		this.units = units;
		this.dueDates = dueDates;
	}

	/**
	 * Raises the incident one tier: its new owner is the org unit of that tier, which dispatches it anew; whoever held
	 * it lets go, and the new tier gets a fresh deadline to take it up.
	 */
	@Transactional
	public IncidentDetail escalate(Actor actor, UUID id, EscalateIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.ESCALATE, step);
		return raise(actor, incident, IncidentSteps.actingRole(actor, IncidentManagement.DISPATCHERS),
				Entry.of(step, null));
	}

	private IncidentDetail raise(Actor actor, Incident incident, String role, Entry entry) {
		Instant now = steps.now();
		Tier from = incident.tier();
		Instant respondDue = incident.whistleType() == null ? null
				: dueDates.respondAgain(incident.whistleType(), incident.categoryCode(), now);
		Transition t = incident.escalate(respondDue, actor.userId(), now);
		units.deleteParts(incident.id());
		TimelineDetail.Escalated was = (TimelineDetail.Escalated) entry.payload();
		return steps.apply(actor, incident, role, t, entry.withPayload(
				new TimelineDetail.Escalated(from, incident.tier(), was == null ? null : was.overdueSince())));
	}

	/** 督办: a yellow or red card on an incident being handled, with a note for whoever holds it. */
	@Transactional
	public IncidentDetail urge(Actor actor, UUID id, UrgeIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.URGE, step);
		Transition t = incident.urge(step.card(), actor.userId(), steps.now());
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, URGERS), t, Entry.of(step, new TimelineDetail.Urged(step.card(), null, null)));
	}

	/** 延期申请 by the incident's handler: some hours more, with the reason; one pending request at a time. */
	@Transactional
	public IncidentDetail requestExtension(Actor actor, UUID id, RequestExtension step) {
		Incident incident = steps.load(actor, id, IncidentAction.EXTENSION_REQUEST, step);
		Instant now = steps.now();
		Transition t = incident.requestExtension(step.hours(), note(step.note()), actor.userId(), now);
		if (!extensions.insert(Ids.newId(), id, actor.userId(), now, step.hours(), note(step.note()))) {
			throw new DomainException(Category.CONFLICT, "EXTENSION_PENDING", "incident.extensionPending");
		}
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, IncidentManagement.HANDLERS), t,
				Entry.of(step, new TimelineDetail.ExtensionAsked(step.hours())));
	}

	/** The tier above approves (the resolution deadline moves on) or refuses the pending request. */
	@Transactional
	public IncidentDetail decideExtension(Actor actor, UUID id, DecideExtension step) {
		Incident incident = steps.load(actor, id,
				Boolean.FALSE.equals(step.approve()) ? IncidentAction.EXTENSION_REFUSE : IncidentAction.EXTENSION_APPROVE,
				step);
		Instant now = steps.now();
		Transition t = incident.decideExtension(step.approve(), actor.userId(), now);
		ExtensionRequest pending = extensions.pending(id)
			.orElseThrow(() -> new DomainException(Category.CONFLICT, "NO_EXTENSION_PENDING",
					"incident.noExtensionPending"));
		if (!extensions.decide(pending.id(), step.approve(), actor.userId(), now, note(step.note()))) {
			throw new DomainException(Category.CONFLICT, "NO_EXTENSION_PENDING", "incident.noExtensionPending");
		}
		Instant due = null;
		if (step.approve()) {
			Instant from = incident.resolveDueAt() == null ? now : incident.resolveDueAt();
			incident.extendResolutionTo(dueDates.extend(from, incident.whistleType(), pending.hours()));
			// as the incident holds it: a binding deadline (a city platform's order) stops an extension at itself
			due = incident.resolveDueAt();
		}
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, APPROVERS), t,
				Entry.of(step, new TimelineDetail.ExtensionDecided(pending.hours(), due)));
	}

	/**
	 * What the overdue sweep does to one incident, in its own transaction: nobody took it up in time → one tier up
	 * (at the top tier, a red card instead); the resolution deadline passed → a red card, once per deadline. Acts as
	 * the system within the incident's district; does nothing if the incident moved on meanwhile.
	 */
	@Transactional
	public void sweepOne(UUID id, String scopePath, Instant now) {
		DataScope district = new DataScope(Tier.DISTRICT.orgUnitAbove(scopePath), Tier.DISTRICT.pathAbove(scopePath));
		// the name the timeline keeps for the sweep's steps, in the platform's language like every stored name
		Actor system = new Actor(SYSTEM_ACTOR, "system",
				messages.getMessage("actor.system", null, Locale.SIMPLIFIED_CHINESE), Set.of(Role.SYSTEM_ADMIN), district);
		Incident incident = steps.load(system, id);
		if (incident.closedAt() != null) {
			return;
		}
		boolean waiting = incident.state() == IncidentState.WHISTLED || incident.state() == IncidentState.ASSIGNED;
		if (waiting && incident.respondDueAt() != null && now.isAfter(incident.respondDueAt())) {
			if (incident.tier().above().isPresent()) {
				raise(system, incident, "SYSTEM", Entry.of(
						new TimelineDetail.Escalated(incident.tier(), incident.tier(), incident.respondDueAt())));
			}
			else if (!incident.respondDueAt().equals(incident.cardedDueAt())) {
				card(system, incident, incident.respondDueAt(), TimelineDetail.Deadline.RESPOND);
			}
			return;
		}
		if (incident.resolveDueAt() != null && now.isAfter(incident.resolveDueAt())
				&& IncidentLifecycle.HANDLING.contains(incident.state())
				&& !incident.resolveDueAt().equals(incident.cardedDueAt())) {
			card(system, incident, incident.resolveDueAt(), TimelineDetail.Deadline.RESOLVE);
		}
	}

	private void card(Actor system, Incident incident, Instant due, TimelineDetail.Deadline deadline) {
		Transition t = incident.cardOverdue(due, system.userId(), steps.now());
		steps.apply(system, incident, "SYSTEM", t, Entry.of(new TimelineDetail.Urged(UrgeCard.RED, deadline, due)));
	}
}
