package org.zhizhi.command;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.locationtech.jts.geom.Polygon;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.command.EmergencyCommands.AnswerEmergency;
import org.zhizhi.command.EmergencyCommands.ArriveOnSite;
import org.zhizhi.command.EmergencyCommands.BlowEmergencyWhistle;
import org.zhizhi.command.EmergencyCommands.DrawnArea;
import org.zhizhi.command.EmergencyCommands.StandDown;
import org.zhizhi.command.persistence.JdbcEmergencyWhistles;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * 应急哨 (issue 17): for a flood, a fire, a missing elder, a leader blows the whistle over grids of his scope; everyone
 * of the forces he chose in that area is told at once (an inbox message that links to the answer page on his phone)
 * and answers — 马上到, 无法前往 — and checks in on site; the board shows who answered, who is coming, who is there,
 * who has not answered; the leader stands it down with what happened, and the whistle stays as the record with its
 * answer times. Each step: load in scope, {@link EmergencyPolicy}, the record's shape, the aggregate's method, the
 * versioned save, the history row.
 */
@Service
public class EmergencyWhistles {

	public static final String SUBJECT = "EMERGENCY_WHISTLE";

	public static final String CALLED = "EMERGENCY_CALLED";

	static final String STOOD_DOWN = "EMERGENCY_STOOD_DOWN";

	public static final int PAGE = 30;

	private final JdbcEmergencyWhistles whistles;

	private final EmergencyForces forces;

	private final OrgUnitQueries orgUnits;

	private final IncidentQueries incidents;

	private final Notifications notifications;

	private final MessageSource messages;

	private final CommandShape shape;

	private final Clock clock;

	private final EmergencyAreas areas;

	EmergencyWhistles(JdbcEmergencyWhistles whistles, EmergencyForces forces, OrgUnitQueries orgUnits,
			IncidentQueries incidents, Notifications notifications, MessageSource messages, CommandShape shape,
			Clock clock, EmergencyAreas areas) {
		this.areas = areas;
		this.whistles = whistles;
		this.forces = forces;
		this.orgUnits = orgUnits;
		this.incidents = incidents;
		this.notifications = notifications;
		this.messages = messages;
		this.shape = shape;
		this.clock = clock;
	}

	/** Blows the whistle: the area's forces are called and told in the same transaction. */
	@Transactional
	public EmergencyView blow(Actor actor, BlowEmergencyWhistle command) {
		if (!actor.hasAny(EmergencyLifecycle.LEADERS)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		List<FieldProblem> more = new ArrayList<>();
		EmergencyAreas.Chosen chosenArea = areas.of(actor.scope(), command.gridIds(), command.area(), more);
		Map<UUID, OrgUnit> grids = chosenArea.grids();
		Polygon drawn = chosenArea.drawn();
		if (command.incidentId() != null && incidents.view(actor.scope(), command.incidentId()).isEmpty()) {
			more.add(new FieldProblem("incidentId", "command.emergencyIncidentNotFound"));
		}
		shape.check(command, more);
		Instant now = clock.instant();
		EmergencyForces.Roll roll = forces.of(actor.scope(), grids.values(), chosen(command.forces()), actor.userId(),
				now);
		List<EmergencyForces.Called> called = roll.called();
		if (called.isEmpty()) {
			throw DomainException.invalid(List.of(new FieldProblem("forces", "command.emergencyNobody")));
		}
		String scopePath = commonAncestor(List.copyOf(grids.values()));
		List<EmergencyWhistle.AreaGrid> area = grids.values()
			.stream()
			.map(g -> new EmergencyWhistle.AreaGrid(g.id(), g.name(), g.path()))
			.toList();
		EmergencyWhistle whistle = EmergencyWhistle.blow(Ids.newId(clock),
				new EmergencyWhistle.Terms(command.kind(), command.title().strip(), blankToNull(command.details()),
						area, command.forces(), command.incidentId(), scopePath, DataScope.districtOf(scopePath),
						actor.userId(), actor.displayName(), now, drawn == null ? null : EmergencyArea.geoJson(drawn)),
				called.size());
		whistles.insert(whistle, called.stream()
			.map(c -> EmergencyCallee.called(whistle.id(), c.accountId(), c.name(), c.force(), c.post(), scopePath))
			.toList(), roll.unreachable());
		whistles.insert(new EmergencyStep(Ids.newId(clock), whistle.id(), "BLOW", now, actor.userId(),
				actor.displayName(), areaNames(area)));
		notifications.notify(called.stream().map(EmergencyForces.Called::accountId).toList(),
				new Notice(CALLED, m("command.inbox.calledTitle", m("command.emergencyKind." + command.kind()),
						whistle.terms().title()),
						m("command.inbox.calledBody", areaNames(area), actor.displayName()),
						"/m/emergency/" + whistle.id(), whistle.terms().districtId())
					.about(SUBJECT, whistle.id(), EmergencyState.CALLING.name()));
		return view(actor, whistle, null);
	}

	/**
	 * What a whistle over this area would reach, before it is blown: the grids it comes to and, for each force on its
	 * own, how many people it would call and how many of its posts' people it could not tell. Refused as the blow
	 * would refuse the area (400 with {@code gridIds} or {@code area}). Each force is counted alone: a person of two
	 * forces is counted under both, though a whistle calls him once.
	 */
	@Transactional(readOnly = true)
	public AreaPreview preview(Actor actor, List<UUID> gridIds, DrawnArea area) {
		if (!actor.hasAny(EmergencyLifecycle.LEADERS)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		List<FieldProblem> problems = new ArrayList<>();
		EmergencyAreas.Chosen chosen = areas.of(actor.scope(), gridIds, area, problems);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Instant now = clock.instant();
		List<AreaPreview.ForceCount> counts = new ArrayList<>();
		for (EmergencyForce force : EmergencyForce.values()) {
			EmergencyForces.Roll roll = forces.of(actor.scope(), chosen.grids().values(), List.of(force),
					actor.userId(), now);
			counts.add(new AreaPreview.ForceCount(force, roll.called().size(), roll.unreachable().size()));
		}
		return new AreaPreview(chosen.grids().values().stream().map(OrgUnit::name).toList(), counts);
	}

	/** 马上到 or 无法前往, by the person called, while the whistle calls. */
	@Transactional
	public EmergencyView answer(Actor actor, UUID id, AnswerEmergency command) {
		if (command.answer() == AnswerAction.ARRIVE) {
			throw DomainException.invalid(List.of(new FieldProblem("answer", "command.answerNotArrive")));
		}
		EmergencyWhistle whistle = visible(actor, id, true);
		EmergencyCallee callee = whistles.callee(id, actor.userId()).orElse(null);
		AnswerAction action = command.answer() == null ? AnswerAction.COMING : command.answer();
		EmergencyPolicy.requireAnswer(relation(actor, whistle, callee), whistle, callee, action);
		List<FieldProblem> more = new ArrayList<>();
		if (command.answer() == AnswerAction.CANNOT && (command.reason() == null || command.reason().isBlank())) {
			more.add(new FieldProblem("reason", "command.cannotNeedsReason"));
		}
		shape.check(command, more);
		Instant now = clock.instant();
		if (action == AnswerAction.COMING) {
			callee.coming(now);
		}
		else {
			callee.cannot(command.reason().strip(), now);
		}
		return saveAnswer(actor, whistle, callee, action, callee.reason(), now);
	}

	/** 已到达: the person called checks in on site, with his phone's position if it gave one. */
	@Transactional
	public EmergencyView arrive(Actor actor, UUID id, ArriveOnSite command) {
		EmergencyWhistle whistle = visible(actor, id, true);
		EmergencyCallee callee = whistles.callee(id, actor.userId()).orElse(null);
		EmergencyPolicy.requireAnswer(relation(actor, whistle, callee), whistle, callee, AnswerAction.ARRIVE);
		List<FieldProblem> more = new ArrayList<>();
		if ((command.lat() == null) != (command.lng() == null)) {
			more.add(new FieldProblem(command.lat() == null ? "lat" : "lng", "command.badPosition"));
		}
		shape.check(command, more);
		Instant now = clock.instant();
		callee.arrive(command.lat() == null ? null : new EmergencyCallee.Position(command.lat(), command.lng()), now);
		return saveAnswer(actor, whistle, callee, AnswerAction.ARRIVE, null, now);
	}

	/** 解除: the leader ends the call with what happened; those still called or coming are told. */
	@Transactional
	public EmergencyView standDown(Actor actor, UUID id, StandDown command) {
		EmergencyWhistle whistle = visible(actor, id);
		EmergencyPolicy.require(actor, whistle, relation(actor, whistle, whistles.callee(id, actor.userId()).orElse(null)),
				EmergencyAction.STAND_DOWN);
		shape.check(command);
		Instant now = clock.instant();
		whistle.standDown(command.summary().strip(), now);
		if (!whistles.save(whistle)) {
			EmergencyWhistle current = whistles.find(id).orElseThrow();
			throw EmergencyLifecycle.WHISTLE.illegal(current.state(), EmergencyAction.STAND_DOWN);
		}
		whistles.insert(new EmergencyStep(Ids.newId(clock), id, EmergencyAction.STAND_DOWN.name(), now,
				actor.userId(), actor.displayName(), whistle.summary()));
		notifications.settle(SUBJECT, id, EmergencyState.STOOD_DOWN.name(), List.of());
		List<UUID> stillOut = whistles.callees(id)
			.stream()
			.filter(c -> c.state() == AnswerState.CALLED || c.state() == AnswerState.COMING)
			.map(EmergencyCallee::accountId)
			.toList();
		notifications.notify(stillOut, new Notice(STOOD_DOWN,
				m("command.inbox.stoodDownTitle", whistle.terms().title()), m("command.inbox.stoodDownBody"),
				"/m/emergency/" + id, whistle.terms().districtId()));
		return view(actor, whistle, null);
	}

	/** The whistles of the leader's scope, calling ones first, then the latest. */
	@Transactional(readOnly = true)
	public List<EmergencyView> ofScope(Actor actor, int page) {
		if (!actor.hasAny(EmergencyLifecycle.LEADERS)) {
			return List.of();
		}
		return views(actor, whistles.ofScope(actor.scope(), PAGE, Math.max(0, page) * PAGE));
	}

	/** The most whistles of a period a report lists: a district blows a few a month, not hundreds. */
	public static final int PERIOD_LIMIT = 200;

	/**
	 * The whistles of the leader's scope blown in a period (from included, to excluded), in the order blown: what a
	 * month's report tells of emergencies. Empty for whoever may not see the scope's whistles.
	 */
	@Transactional(readOnly = true)
	public List<EmergencyView> blownIn(Actor actor, Instant from, Instant to) {
		if (!actor.hasAny(EmergencyLifecycle.LEADERS)) {
			return List.of();
		}
		return views(actor, whistles.blownIn(actor.scope(), from, to, PERIOD_LIMIT));
	}

	/** The whistles that called this person, the calling ones first: his phone's list. */
	@Transactional(readOnly = true)
	public List<EmergencyView> mine(Actor actor) {
		return views(actor, whistles.calling(actor.userId(), PAGE));
	}

	@Transactional(readOnly = true)
	public EmergencyDetail detail(Actor actor, UUID id) {
		EmergencyWhistle whistle = visible(actor, id);
		List<EmergencyCallee> callees = whistles.callees(id);
		EmergencyCallee mine = callees.stream().filter(c -> c.accountId().equals(actor.userId())).findFirst()
			.orElse(null);
		return new EmergencyDetail(view(actor, whistle, mine, counts(callees)),
				callees.stream().map(CalleeView::of).toList(), whistles.unreachable(id), whistles.steps(id));
	}

	private EmergencyView saveAnswer(Actor actor, EmergencyWhistle whistle, EmergencyCallee callee,
			AnswerAction action, String note, Instant at) {
		if (!whistles.save(callee)) {
			EmergencyCallee current = whistles.callee(whistle.id(), callee.accountId()).orElseThrow();
			throw EmergencyLifecycle.ANSWER.illegal(current.state(), action);
		}
		whistles.insert(new EmergencyStep(Ids.newId(clock), whistle.id(), action.name(), at, actor.userId(),
				actor.displayName(), note));
		return view(actor, whistle, callee);
	}

	private EmergencyWhistle visible(Actor actor, UUID id) {
		return visible(actor, id, false);
	}

	/**
	 * {@code forAnswer}: the whistle's row is held (FOR SHARE) until the answer commits, so a stand-down waits for an
	 * answer in flight and an answer after a stand-down sees it — no answer counts once the whistle is stood down.
	 */
	private EmergencyWhistle visible(Actor actor, UUID id, boolean forAnswer) {
		EmergencyWhistle whistle = (forAnswer ? whistles.findForAnswer(id) : whistles.find(id))
			.orElseThrow(() -> DomainException.notFound("emergency"));
		EmergencyCallee callee = whistles.callee(id, actor.userId()).orElse(null);
		if (!relation(actor, whistle, callee).sees()) {
			throw DomainException.notFound("emergency");
		}
		return whistle;
	}

	private static EmergencyPolicy.Relation relation(Actor actor, EmergencyWhistle whistle, EmergencyCallee callee) {
		boolean leader = actor.hasAny(EmergencyLifecycle.LEADERS) && actor.scope().covers(whistle.terms().scopePath());
		return new EmergencyPolicy.Relation(leader, callee != null);
	}

	private List<EmergencyView> views(Actor actor, List<EmergencyWhistle> found) {
		List<UUID> ids = found.stream().map(EmergencyWhistle::id).toList();
		Map<UUID, Map<AnswerState, Integer>> counts = whistles.answerCounts(ids);
		Map<UUID, EmergencyCallee> mine = whistles.calleeIn(ids, actor.userId());
		List<EmergencyView> views = new ArrayList<>();
		for (EmergencyWhistle w : found) {
			views.add(view(actor, w, mine.get(w.id()), counts.getOrDefault(w.id(), Map.of())));
		}
		return views;
	}

	private EmergencyView view(Actor actor, EmergencyWhistle whistle, EmergencyCallee mine) {
		return view(actor, whistle, mine, counts(whistles.callees(whistle.id())));
	}

	private EmergencyView view(Actor actor, EmergencyWhistle w, EmergencyCallee mine,
			Map<AnswerState, Integer> counts) {
		EmergencyWhistle.Terms t = w.terms();
		return new EmergencyView(w.id(), t.kind(), t.title(), t.details(), t.area(), t.forces(), t.incidentId(),
				t.blownByName(), t.blownAt(), w.state(), w.stoodDownAt(), w.summary(), counts,
				EmergencyPolicy.allowedActions(actor, w, relation(actor, w, mine)), mine == null ? null : mine.state(),
				EmergencyPolicy.allowedAnswers(w, mine), t.drawnArea());
	}

	private static Map<AnswerState, Integer> counts(List<EmergencyCallee> callees) {
		Map<AnswerState, Integer> counts = new EnumMap<>(AnswerState.class);
		callees.forEach(c -> counts.merge(c.state(), 1, Integer::sum));
		return counts;
	}

	/** The forces chosen, in the enum's order: the order a person holding two of them is called under. */
	private static List<EmergencyForce> chosen(Set<EmergencyForce> forces) {
		return List.of(EmergencyForce.values()).stream().filter(forces::contains).toList();
	}

	/** The lowest node whose path all the grids' paths start with: the whistle's scope. */
	static String commonAncestor(List<OrgUnit> grids) {
		String common = grids.getFirst().path();
		for (OrgUnit grid : grids) {
			while (!grid.path().startsWith(common)) {
				common = EmergencyForces.parent(common);
			}
		}
		return common;
	}

	private String areaNames(List<EmergencyWhistle.AreaGrid> area) {
		Map<String, Boolean> names = new LinkedHashMap<>();
		area.forEach(g -> names.put(g.name(), true));
		return String.join("、", names.keySet());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private String m(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}
}
