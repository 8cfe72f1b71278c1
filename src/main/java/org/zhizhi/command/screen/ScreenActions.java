package org.zhizhi.command.screen;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.zhizhi.incident.AcceptIncident;
import org.zhizhi.incident.AssignIncident;
import org.zhizhi.incident.DecideExtension;
import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.EscalateIncident;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentDetail;
import org.zhizhi.incident.IncidentDispatch;
import org.zhizhi.incident.IncidentManagement;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentSupervision;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.Tier;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.TriageIncident;
import org.zhizhi.incident.Unit;
import org.zhizhi.incident.UrgeCard;
import org.zhizhi.incident.UrgeIncident;
import org.zhizhi.incident.WhistleIncident;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.shared.Actor;

/**
 * 一键处置 from the screen: each button is a step of the incident module, taken through its own facade with the
 * viewer's own rights — the same policy, the same shape checks, the same timeline and audit as the desk. The screen
 * offers exactly the steps {@code IncidentPolicy} allows him now, among those a command centre takes; a refusal is
 * the module's, in its words.
 */
@Service
public class ScreenActions {

	/**
	 * The steps the screen offers, in its order: 受理 and 三事分流 (so that a report that just came in can be taken up
	 * from the wall), 派单 (whistle), 呼叫单位 (assign to a unit), 升级, 督办, 延期审批. The others (reject, verify,
	 * rate …) belong to the desk and the phone, one link away.
	 */
	public static final List<IncidentAction> OFFERED = List.of(IncidentAction.ACCEPT, IncidentAction.TRIAGE,
			IncidentAction.WHISTLE, IncidentAction.ASSIGN, IncidentAction.ESCALATE, IncidentAction.URGE,
			IncidentAction.EXTENSION_APPROVE);

	private final IncidentQueries queries;

	private final IncidentManagement management;

	private final IncidentDispatch dispatch;

	private final IncidentSupervision supervision;

	private final Clock clock;

	ScreenActions(IncidentQueries queries, IncidentManagement management, IncidentDispatch dispatch,
			IncidentSupervision supervision, Clock clock) {
		this.queries = queries;
		this.management = management;
		this.dispatch = dispatch;
		this.supervision = supervision;
		this.clock = clock;
	}

	/** An incident as the screen's card shows it, with the one-click steps the viewer may take on it now. */
	public Card card(Actor viewer, UUID id) {
		return card(viewer, queries.get(viewer, id));
	}

	public Card accept(Actor viewer, UUID id, String note) {
		return card(viewer, management.accept(viewer, id, new AcceptIncident(note, null, null)));
	}

	public Card triage(Actor viewer, UUID id, Triage triage, String note) {
		return card(viewer, management.triage(viewer, id, new TriageIncident(triage, note, null, null)));
	}

	public Card whistle(Actor viewer, UUID id, WhistleType type, UUID unitId, String note) {
		DispatchMode mode = unitId == null ? null : DispatchMode.ASSIGN;
		return card(viewer, dispatch.whistle(viewer, id,
				new WhistleIncident(type, mode, null, unitId, null, List.of(), note, null, null)));
	}

	public Card callUnit(Actor viewer, UUID id, UUID unitId, String note) {
		return card(viewer, dispatch.assign(viewer, id,
				new AssignIncident(DispatchMode.ASSIGN, null, unitId, null, List.of(), note, null, null)));
	}

	public Card escalate(Actor viewer, UUID id, String note) {
		return card(viewer, supervision.escalate(viewer, id, new EscalateIncident(note, null, null)));
	}

	public Card urge(Actor viewer, UUID id, UrgeCard urgeCard, String note) {
		return card(viewer, supervision.urge(viewer, id, new UrgeIncident(urgeCard, note, null, null)));
	}

	public Card decideExtension(Actor viewer, UUID id, Boolean approve, String note) {
		return card(viewer, supervision.decideExtension(viewer, id, new DecideExtension(approve, note, null, null)));
	}

	private Card card(Actor viewer, IncidentDetail detail) {
		IncidentView incident = detail.incident();
		Set<IncidentAction> allowed = management.allowedActions(viewer, incident);
		List<IncidentAction> actions = OFFERED.stream().filter(allowed::contains).toList();
		boolean needsUnits = actions.contains(IncidentAction.WHISTLE) || actions.contains(IncidentAction.ASSIGN);
		List<UnitChoice> units = needsUnits ? queries.units(viewer.scope())
			.stream()
			.filter(Unit::active)
			.map(u -> new UnitChoice(u.id(), u.name()))
			.toList() : List.of();
		Instant now = clock.instant();
		String category = queries.categories()
			.stream()
			.filter(c -> c.code().equals(incident.categoryCode()))
			.map(c -> c.name())
			.findFirst()
			.orElse(incident.categoryCode());
		return new Card(incident.id(), incident.state(), category, incident.description(),
				incident.gridId(), incident.lat(), incident.lng(), incident.reportedAt(), incident.resolveDueAt(),
				incident.overdue(now), incident.tier(), incident.whistleType(), incident.yellowCards(),
				incident.redCards(), actions, units);
	}

	/** What the screen's card shows of an incident, and what the viewer may do on it from there. */
	public record Card(UUID id, IncidentState state, String categoryName, String description, UUID gridId, double lat,
			double lng, Instant reportedAt, Instant resolveDueAt, boolean overdue, Tier tier, WhistleType whistleType,
			int yellowCards, int redCards, List<IncidentAction> actions, List<UnitChoice> units) {
	}

	public record UnitChoice(UUID id, String name) {
	}
}
