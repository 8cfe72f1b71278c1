package org.zhizhi.incident;

import static org.zhizhi.incident.IncidentSteps.note;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.incident.IncidentLifecycle.Transition;
import org.zhizhi.incident.IncidentPart.PartState;
import org.zhizhi.incident.IncidentSteps.Entry;
import org.zhizhi.incident.persistence.JdbcRotation;
import org.zhizhi.incident.persistence.JdbcUnits;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * The whistle and what follows it until somebody holds the order: the open call (抢单) that the first party member to
 * press wins, assignment (指派) to a named member or unit, round-robin (轮派) among the grid's members, the answer of
 * the assignee (应哨) or his handing it back, and the parts of a tough whistle's lead and co-units.
 */
@Service
public class IncidentDispatch {

	/** Who may be assigned an order by name or by turn: the grid's party members and grid workers. */
	static final Set<Role> ASSIGNABLE = Set.of(Role.PARTY_MEMBER, Role.GRID_WORKER);

	/** Who takes part in the round-robin: the party members whose scope covers the grid. */
	static final Set<Role> ROTATION = Set.of(Role.PARTY_MEMBER);

	static final int MAX_TASK = 500;

	private final IncidentSteps steps;

	private final JdbcUnits units;

	private final JdbcRotation rotation;

	private final AccountQueries accounts;

	private final DueDates dueDates;

	IncidentDispatch(IncidentSteps steps, JdbcUnits units, JdbcRotation rotation, AccountQueries accounts,
			DueDates dueDates) {
		this.steps = steps;
		this.units = units;
		this.rotation = rotation;
		this.accounts = accounts;
		this.dueDates = dueDates;
	}

	/**
	 * Blows a whistle of a type on a triaged incident and sets its deadlines. By default a quick or emergency whistle is
	 * an open call; with {@code mode} ASSIGN or ROUND_ROBIN it goes at once to the named or next member or unit. A tough
	 * whistle is always assigned: to its lead unit, with co-units each given a part.
	 */
	@Transactional
	public IncidentDetail whistle(Actor actor, UUID id, WhistleIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.WHISTLE, step);
		DispatchMode mode = step.mode() != null ? step.mode()
				: step.type() == WhistleType.TOUGH ? DispatchMode.ASSIGN : DispatchMode.OPEN_CALL;
		Instant now = steps.now();
		// the state and the type are checked first: the deadlines are computed only for a whistle that may be blown
		Transition t = incident.whistle(step.type(), mode,
				step.type() == null ? null : dueDates.of(step.type(), incident.categoryCode(), now), actor.userId(),
				now);
		if (step.type() == WhistleType.TOUGH && mode != DispatchMode.ASSIGN) {
			throw DomainException.invalid(List.of(new FieldProblem("mode", "incident.toughIsAssigned")));
		}
		AssignIncident dispatch = step.dispatch(mode);
		Target target = target(actor, incident, dispatch, mode, step.type());
		String role = IncidentSteps.actingRole(actor, IncidentManagement.DISPATCHERS);
		if (target == null) {
			return steps.apply(actor, incident, role, t,
					Entry.of(step, new TimelineDetail.Whistled(step.type(), mode)));
		}
		// the note goes with the assignment that follows
		steps.record(actor, incident, role, t, Entry.of(step, new TimelineDetail.Whistled(step.type(), mode))
			.withNote(null));
		return assignTo(actor, incident, target, dispatch, now.plusNanos(1_000));
	}

	/**
	 * Dispatches an order still waiting for a taker — one handed back, raised a tier, or no longer left to the open
	 * call — to a named member or unit, or to the next member in turn.
	 */
	@Transactional
	public IncidentDetail assign(Actor actor, UUID id, AssignIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.ASSIGN, step);
		// the state first, before whom the dispatch names is looked at
		IncidentLifecycle.TABLE.require(incident.state(), IncidentAction.ASSIGN);
		DispatchMode mode = step.mode() == null ? DispatchMode.ASSIGN : step.mode();
		if (mode == DispatchMode.OPEN_CALL) {
			throw DomainException.invalid(List.of(new FieldProblem("mode", "incident.assignNeedsTarget")));
		}
		Target target = target(actor, incident, step, mode, incident.whistleType());
		return assignTo(actor, incident, target, step, steps.now());
	}

	/** The assigned member, or a liaison of the assigned unit, answers the order (应哨) and holds it from now on. */
	@Transactional
	public IncidentDetail answer(Actor actor, UUID id, AnswerIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.ANSWER, step);
		Instant now = steps.now();
		Transition t = incident.answer(actor.userId(), now);
		if (incident.unitId() != null) {
			units.movePart(id, incident.unitId(), List.of(PartState.ASSIGNED), PartState.ACCEPTED, null, now);
		}
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, IncidentManagement.HANDLERS), t,
				Entry.of(step, null));
	}

	/**
	 * The assignee or holder hands the order back with the reason (not ours, not possible…): it waits for its tier to
	 * dispatch it again. A tough whistle's parts go with it.
	 */
	@Transactional
	public IncidentDetail handBack(Actor actor, UUID id, HandBackIncident step) {
		Incident incident = steps.load(actor, id, IncidentAction.HAND_BACK, step);
		Transition t = incident.handBack(note(step.note()), actor.userId(), steps.now());
		units.deleteParts(id);
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, IncidentManagement.HANDLERS), t,
				Entry.of(step, null));
	}

	/**
	 * A co-unit's liaison answers, finishes or hands back his unit's part of a tough whistle. The incident stays where
	 * it is; its lead unit resolves it once every part is done or handed back.
	 */
	@Transactional
	public IncidentDetail part(Actor actor, UUID id, IncidentAction action, MovePart step) {
		Incident incident = steps.load(actor, id);
		IncidentPart part = steps.require(actor, incident, action).part();
		UUID unit = part.unitId();
		steps.check(step);
		Instant now = steps.now();
		Transition t = incident.part(action, actor.userId(), now);
		String note = note(step.note());
		List<PartState> from;
		PartState to;
		switch (action) {
			case PART_ANSWER -> {
				from = List.of(PartState.ASSIGNED);
				to = PartState.ACCEPTED;
			}
			case PART_DONE -> {
				if (note == null) {
					throw DomainException.invalid(List.of(new FieldProblem("note", "incident.resolveNeedsNote")));
				}
				from = List.of(PartState.ASSIGNED, PartState.ACCEPTED);
				to = PartState.DONE;
			}
			case PART_HAND_BACK -> {
				if (note == null) {
					throw DomainException.invalid(List.of(new FieldProblem("note", "incident.handBackNeedsReason")));
				}
				from = List.of(PartState.ASSIGNED, PartState.ACCEPTED);
				to = PartState.HANDED_BACK;
			}
			default -> throw new IllegalArgumentException("not a part step: " + action);
		}
		if (!units.movePart(id, unit, from, to, note, now)) {
			throw new DomainException(Category.CONFLICT, "PART_STATE", "incident.partState", part.state().name());
		}
		List<UUID> photos = steps.ownPhotos(actor, incident, step.photoIds(), false);
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, IncidentManagement.HANDLERS), t,
				Entry.of(step, new TimelineDetail.PartStep(part.unitName())).withPhotos(photos));
	}

	/** Whom an assignment goes to: a member, or a unit with the co-units of a tough whistle. */
	private record Target(UUID memberId, String memberName, Unit unit, String task, List<CoUnitTask> coUnits) {
	}

	private IncidentDetail assignTo(Actor actor, Incident incident, Target target, AssignIncident step, Instant at) {
		DispatchMode mode = step.mode() == null ? DispatchMode.ASSIGN : step.mode();
		Transition t;
		TimelineDetail.Assigned to;
		if (target.unit() != null) {
			units.deleteParts(incident.id());
			units.insertPart(incident.id(), target.unit().id(), true, target.task(), at);
			for (CoUnitTask co : target.coUnits()) {
				units.insertPart(incident.id(), co.unitId(), false, co.task().strip(), at);
			}
			t = incident.assignToUnit(target.unit().id(), mode, actor.userId(), at);
			to = new TimelineDetail.Assigned(target.unit().name(), target.coUnits().size());
		}
		else {
			t = incident.assignToMember(target.memberId(), mode, actor.userId(), at);
			to = new TimelineDetail.Assigned(target.memberName(), 0);
		}
		return steps.apply(actor, incident, IncidentSteps.actingRole(actor, IncidentManagement.DISPATCHERS), t,
				Entry.of(step, to));
	}

	/** Checks and resolves whom the dispatch names; null for an open call. */
	private Target target(Actor actor, Incident incident, AssignIncident step, DispatchMode mode, WhistleType type) {
		if (mode == DispatchMode.OPEN_CALL) {
			return null;
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (mode == DispatchMode.ROUND_ROBIN) {
			List<Account> candidates = accounts.covering(incident.scopePath(), ROTATION);
			UUID next = rotation.next(incident.gridId(), candidates.stream().map(Account::id).toList(),
					steps.now());
			if (next == null) {
				throw new DomainException(Category.CONFLICT, "NOBODY_IN_ROTATION", "incident.nobodyInRotation");
			}
			Account chosen = candidates.stream().filter(a -> a.id().equals(next)).findFirst().orElseThrow();
			return new Target(chosen.id(), chosen.displayName(), null, null, List.of());
		}
		boolean member = step.assigneeId() != null;
		boolean unit = step.unitId() != null;
		// before the one-target check, so that a tough whistle with no target asks for its lead unit, not a member
		if (type == WhistleType.TOUGH && !unit) {
			throw DomainException.invalid(List.of(new FieldProblem("unitId", "incident.toughNeedsLeadUnit")));
		}
		if (member == unit) {
			problems.add(new FieldProblem(member ? "unitId" : "assigneeId", "incident.assignOneTarget"));
			throw DomainException.invalid(problems);
		}
		if (member) {
			Account assignee = accounts.covering(incident.scopePath(), ASSIGNABLE)
				.stream()
				.filter(a -> a.id().equals(step.assigneeId()))
				.findFirst()
				.orElseThrow(() -> DomainException
					.invalid(List.of(new FieldProblem("assigneeId", "incident.unknownAssignee"))));
			if (!step.coUnits().isEmpty()) {
				throw DomainException.invalid(List.of(new FieldProblem("coUnits", "incident.coUnitsNeedTough")));
			}
			return new Target(assignee.id(), assignee.displayName(), null, null, List.of());
		}
		Unit lead = serving(incident, step.unitId(), "unitId");
		String task = note(step.task());
		if (type == WhistleType.TOUGH && task == null) {
			problems.add(new FieldProblem("task", "incident.taskRequired"));
		}
		if (task != null && task.length() > MAX_TASK) {
			problems.add(new FieldProblem("task", "incident.noteTooLong", MAX_TASK));
		}
		if (type != WhistleType.TOUGH && !step.coUnits().isEmpty()) {
			problems.add(new FieldProblem("coUnits", "incident.coUnitsNeedTough"));
		}
		Set<UUID> seen = new HashSet<>(List.of(lead.id()));
		for (int i = 0; i < step.coUnits().size(); i++) {
			CoUnitTask co = step.coUnits().get(i);
			String field = "coUnits[" + i + "]";
			if (co == null || co.unitId() == null || !seen.add(co.unitId())) {
				problems.add(new FieldProblem(field + ".unitId", "incident.coUnitInvalid"));
				continue;
			}
			if (co.task() == null || co.task().isBlank() || co.task().length() > MAX_TASK) {
				problems.add(new FieldProblem(field + ".task", "incident.taskRequired"));
			}
			try {
				serving(incident, co.unitId(), field + ".unitId");
			}
			catch (DomainException e) {
				problems.add(new FieldProblem(field + ".unitId", "incident.unknownUnit"));
			}
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return new Target(null, null, lead, task == null ? lead.name() : task, step.coUnits());
	}

	/** The unit, if it is active and serves the incident's place. */
	private Unit serving(Incident incident, UUID unitId, String field) {
		return units.find(unitId)
			.filter(Unit::active)
			.filter(u -> incident.scopePath().startsWith(u.scopePath()))
			.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem(field, "incident.unknownUnit"))));
	}
}
