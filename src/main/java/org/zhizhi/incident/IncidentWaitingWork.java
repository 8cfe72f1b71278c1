package org.zhizhi.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.persistence.JdbcWaitingWork;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.WaitingWork;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * What of the whistle loop waits for a person, by what his roles may do next ({@link IncidentLifecycle}) and at which
 * tier he stands: a grid worker takes his grid's new reports further and verifies what was resolved; the community
 * does that for its grids and decides their extensions; a street or district decides what was raised to it, the red
 * cards and the extensions of the tier below; a member sees the open calls and his orders; a liaison his unit's
 * orders; a reporter his closed reports to rate.
 */
@Service
@Transactional(readOnly = true)
class IncidentWaitingWork implements WaitingWork {

	private static final int TITLE_LENGTH = 40;

	private final JdbcWaitingWork waiting;

	private final OrgUnitQueries orgUnits;

	IncidentWaitingWork(JdbcWaitingWork waiting, OrgUnitQueries orgUnits) {
		this.waiting = waiting;
		this.orgUnits = orgUnits;
	}

	@Override
	public List<Waiting> waitingFor(Actor actor, Instant now, int limit) {
		List<Waiting> found = new ArrayList<>();
		Tier own = ownTier(actor);
		Map<String, Object> params = new HashMap<>();
		params.put("scope", actor.scope().likePattern());
		params.put("now", java.sql.Timestamp.from(now));
		params.put("me", actor.userId());
		// one look-up per grid for the whole list, whichever kinds its incidents wait in
		Map<UUID, String> grids = new HashMap<>();
		boolean dispatcher = actor.hasAny(IncidentLifecycle.DISPATCHERS) && !actor.has(Role.SYSTEM_ADMIN);
		if (dispatcher && (own == Tier.GRID || own == Tier.COMMUNITY)) {
			// the community dispatches for its grids as well as for what was raised to it
			List<String> tiers = own == Tier.GRID ? names(Tier.GRID) : names(Tier.GRID, Tier.COMMUNITY);
			add(actor, grids, found, "workbench.incident.toDispatch", "/incidents?state=REPORTED",
					"workbench.action.dispatch", desk(), JdbcWaitingWork.TO_DISPATCH, with(params, tiers), limit, now);
			if (actor.hasAny(IncidentLifecycle.VERIFIERS)) {
				add(actor, grids, found, "workbench.incident.toVerify", "/incidents?state=RESOLVED",
						"workbench.action.verify", desk(), JdbcWaitingWork.TO_VERIFY, with(params, tiers), limit, now);
			}
			add(actor, grids, found, "workbench.incident.overdue", "/incidents?overdue=true",
					"workbench.action.urge", desk(), JdbcWaitingWork.OVERDUE, with(params, tiers), limit, now);
		}
		if (dispatcher && (own == Tier.STREET || own == Tier.DISTRICT)) {
			add(actor, grids, found, "workbench.incident.escalated", "/incidents", "workbench.action.decide", desk(),
					JdbcWaitingWork.ESCALATED, with(params, names(own)), limit, now);
			add(actor, grids, found, "workbench.incident.redCards", "/incidents", "workbench.action.supervise", desk(),
					JdbcWaitingWork.RED_CARDED, params, limit, now);
		}
		if (actor.hasAny(IncidentLifecycle.SUPERVISORS) && own != null && own != Tier.GRID) {
			// an extension is decided one tier up: the community decides its grids', the district its own too
			List<String> below = switch (own) {
				case COMMUNITY -> names(Tier.GRID);
				case STREET -> names(Tier.COMMUNITY);
				case DISTRICT -> names(Tier.STREET, Tier.DISTRICT);
				case GRID -> List.of();
			};
			add(actor, grids, found, "workbench.incident.extensions", "/incidents", "workbench.action.decide", desk(),
					JdbcWaitingWork.EXTENSIONS, with(params, below), limit, now);
		}
		if (actor.has(Role.PARTY_MEMBER)) {
			add(actor, grids, found, "workbench.incident.openCalls", "/m/tasks", "workbench.action.claim", phone(),
					JdbcWaitingWork.OPEN_CALLS, params, limit, now);
		}
		if (actor.hasAny(EnumSet.of(Role.PARTY_MEMBER, Role.GRID_WORKER))) {
			add(actor, grids, found, "workbench.incident.myOrders", "/m/tasks", "workbench.action.handle", phone(),
					JdbcWaitingWork.MY_ORDERS, params, limit, now);
		}
		if (actor.hasAny(EnumSet.of(Role.PARTNER_LIAISON, Role.PROPERTY_STAFF))) {
			add(actor, grids, found, "workbench.incident.unitOrders", "/m/tasks", "workbench.action.answer", phone(),
					JdbcWaitingWork.UNIT_ORDERS, params, limit, now);
		}
		if (actor.hasAny(IncidentRoles.PHONE_REPORTERS)) {
			add(actor, grids, found, "workbench.incident.toRate", "/m/reports", "workbench.action.rate", "/m/reports/",
					JdbcWaitingWork.TO_RATE, params, limit, now);
		}
		return found;
	}

	private void add(Actor actor, Map<UUID, String> grids, List<Waiting> found, String kind, String listHref,
			String actionKey, String itemHref,
			String condition, Map<String, Object> params, int limit, Instant now) {
		List<JdbcWaitingWork.Waiting> rows = waiting.find(condition, params, limit);
		if (rows.isEmpty()) {
			return;
		}
		List<Item> items = rows.stream()
			.map(r -> new Item(title(r), grids.computeIfAbsent(r.gridId(), g -> gridName(actor, g)), r.reportedAt(),
					r.dueAt(),
					(r.dueAt() != null && r.dueAt().isBefore(now)) || r.redCards() > 0, itemHref + r.id(), actionKey))
			.toList();
		found.add(new Waiting(kind, rows.getFirst().total(), listHref, items));
	}

	private String gridName(Actor actor, UUID gridId) {
		return gridId == null ? null : orgUnits.find(actor.scope(), gridId).map(OrgUnit::name).orElse(null);
	}

	private static String title(JdbcWaitingWork.Waiting row) {
		String description = row.description() == null ? "" : row.description().strip();
		if (description.length() > TITLE_LENGTH) {
			description = description.substring(0, TITLE_LENGTH) + "…";
		}
		return description.isEmpty() ? row.categoryName() : row.categoryName() + "：" + description;
	}

	/**
	 * The tier of the actor's own node: its depth in the tree
	 * ({@code /<city>/<district>/<street>/<community>/<grid>/}).
	 */
	static Tier ownTier(Actor actor) {
		long depth = actor.scope().path().chars().filter(c -> c == '/').count() - 1;
		return switch ((int) depth) {
			case 2 -> Tier.DISTRICT;
			case 3 -> Tier.STREET;
			case 4 -> Tier.COMMUNITY;
			case 5, 6 -> Tier.GRID;
			default -> null;
		};
	}

	private static Map<String, Object> with(Map<String, Object> params, List<String> tiers) {
		Map<String, Object> more = new HashMap<>(params);
		more.put("tiers", tiers);
		return more;
	}

	private static List<String> names(Tier... tiers) {
		return java.util.Arrays.stream(tiers).map(Tier::name).toList();
	}

	private static String desk() {
		return "/incidents/";
	}

	private static String phone() {
		return "/m/tasks/";
	}
}
