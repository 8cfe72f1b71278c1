package org.zhizhi.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.persistence.JdbcIncidentLists;
import org.zhizhi.incident.persistence.JdbcUnits;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Paging;

/**
 * The lists the pages show, each inside the caller's scope: his own reports (我的上报), his own orders (我的工单) open and
 * closed, the open calls he may grab (待抢工单), a liaison's orders of his unit open and closed, and the desk queue with
 * its filters and counts per state.
 */
@Service
@Transactional(readOnly = true)
public class IncidentLists {

	public static final int PAGE_SIZE = 20;

	/** A member's own orders and the open calls are short by nature; a phone shows at most this many of each. */
	public static final int TASK_LIMIT = 50;

	private final JdbcIncidentLists lists;

	private final Clock clock;

	private final JdbcUnits units;

	IncidentLists(JdbcIncidentLists lists, Clock clock, JdbcUnits units) {
		this.lists = lists;
		this.clock = clock;
		this.units = units;
	}

	/** The unit whose liaison the actor is, if he is one. */
	public Optional<UUID> myUnit(Actor actor) {
		return units.unitOf(actor.userId());
	}

	/** For a unit's liaison: the open orders given to his unit or in which it has a part. */
	public List<IncidentRow> unitOrders(Actor actor) {
		return lists.ofLiaisonsUnit(actor.scope(), actor.userId(), TASK_LIMIT);
	}

	/**
	 * For a unit's liaison: a page of his unit's closed orders, the latest closed first (one more row than a page tells
	 * whether there is more).
	 */
	public List<IncidentRow> unitOrderHistory(Actor actor, int page) {
		return lists.closedOfLiaisonsUnit(actor.scope(), actor.userId(), PAGE_SIZE + 1, Paging.offset(page, PAGE_SIZE));
	}

	/** The actor's own reports, newest first, one page of {@link #PAGE_SIZE} (one more tells whether there is more). */
	public List<IncidentRow> myReports(Actor actor, int page) {
		return lists.reportedBy(actor.scope(), actor.userId(), PAGE_SIZE + 1, Paging.offset(page, PAGE_SIZE));
	}

	/**
	 * The orders the actor holds that are not closed yet, the ones waiting for him first. Closed ones are his history:
	 * a member who has worked for a year has dozens, and they must not push what is waiting down the page.
	 */
	public List<IncidentRow> myOrders(Actor actor) {
		return lists.claimedBy(actor.scope(), actor.userId(), TASK_LIMIT);
	}

	/** A page of the actor's closed orders, the latest closed first (one more row than a page tells whether there is more). */
	public List<IncidentRow> myOrderHistory(Actor actor, int page) {
		return lists.closedClaimedBy(actor.scope(), actor.userId(), PAGE_SIZE + 1, Paging.offset(page, PAGE_SIZE));
	}

	/** The whistled incidents of the actor's scope nobody has claimed yet, oldest first (the longest waiting). */
	public List<IncidentRow> openCalls(Actor actor) {
		return lists.openCalls(actor.scope(), TASK_LIMIT);
	}

	/** A page of the desk queue, newest first (one more row than a page tells whether there is more). */
	public List<IncidentRow> queue(Actor actor, DeskFilter filter, int page) {
		return lists.queue(actor.scope(), filter, clock.instant(), PAGE_SIZE + 1, Paging.offset(page, PAGE_SIZE));
	}

	/** How many incidents of the queue's other filters are in each state. */
	public Map<IncidentState, Long> countsByState(Actor actor, DeskFilter filter) {
		return lists.countsByState(actor.scope(), filter.anyState(), clock.instant());
	}

	/**
	 * The incidents of a scope reported after an instant, oldest first, at most {@code limit}: for a screen that shows
	 * reports as they come (its own scope, no actor: the screen's feed asks for every screen of that scope at once).
	 */
	public List<ReportedIncident> reportedSince(DataScope scope, Instant since, int limit) {
		return lists.reportedSince(scope, since, limit)
			.stream()
			.map(r -> new ReportedIncident(r.id(), r.state(), r.categoryName(), r.description(), r.gridId(), r.lat(),
					r.lng(), r.reportedAt()))
			.toList();
	}

	/** A new report as a live screen shows it: what, where (its grid and position) and when. */
	public record ReportedIncident(UUID id, IncidentState state, String categoryName, String description, UUID gridId,
			double lat, double lng, Instant reportedAt) {
	}

	/**
	 * The load of each grid of the scope that has open incidents: how many are open and how many of those are past
	 * their resolution deadline now — the desk's 超时未办结 filter, per grid.
	 */
	public Map<UUID, GridLoad> gridLoads(DataScope scope) {
		Map<UUID, GridLoad> loads = new java.util.LinkedHashMap<>();
		for (JdbcIncidentLists.GridLoad load : lists.gridLoads(scope, clock.instant())) {
			loads.put(load.gridId(), new GridLoad(load.open(), load.overdue()));
		}
		return loads;
	}

	/** A grid's open incidents and, of those, the ones overdue. */
	public record GridLoad(long open, long overdue) {
	}

	/**
	 * The incidents of the actor's scope reported between two instants (from included, to excluded), by whistle type,
	 * with those of them overdue now and those carded: a month's report of the whistle, counted in one read.
	 */
	public ReportedWhistles reportedWhistles(Actor actor, Instant from, Instant to) {
		return lists.reportedWhistles(actor.scope(), from, to, clock.instant());
	}
}
