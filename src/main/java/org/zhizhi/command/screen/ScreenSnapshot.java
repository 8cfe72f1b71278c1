package org.zhizhi.command.screen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.command.AlertState;
import org.zhizhi.command.AlertView;
import org.zhizhi.command.EmergencyView;
import org.zhizhi.party.OnDuty;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.incident.kpi.KpiReport;
import org.zhizhi.incident.kpi.KpiTrend;
import org.zhizhi.partnership.PartnershipViews.Rates;
import org.zhizhi.property.PropertyViews.RatingView;
import org.zhizhi.property.SelfRunBooks.ScopeCollection;
import org.zhizhi.volunteer.VolunteerOnSite;
import org.zhizhi.wish.WishState;

/**
 * Every panel of a screen at one moment, each figure taken from its module's own query for the screen's node — the
 * one its own page and API answer with — and nothing computed here but sums of what those queries answered. A panel
 * whose module does not let the viewer read it is null and not drawn.
 *
 * @param position the instant (epoch milliseconds) the live stream continues from, so that nothing falls between
 * the snapshot and the stream
 * @param today the KPI report of today (the KPI page asked for today's date alone)
 * @param month the KPI report of this month so far ({@code /incidents/kpi}'s default)
 * @param trend this year by month ({@code /incidents/kpi/trend.json?preset=YEAR})
 * @param whistles per whistle type, the desk queue's counts for that type
 * @param overdue the desk's 超时未办结 filter: how many, and its first page
 * @param grids the load of every grid with open incidents or risk alerts
 * @param latest the newest reports, as the desk queue lists them first
 * @param partnership this year's need rates (对接率) of the node, as the partnership desk shows them
 * @param wishes the wish desk's counts per state
 * @param property last year's ratings of the property companies of the node, the best first (the ratings are
 * given once a year), as the property desk lists them
 * @param onDuty the party members on duty now at the posts (党员示范岗, 责任区) covering the node's grids and
 * micro-grids: how many, and the first lines as the party's rosters answer ({@code party.DutyRosters.onDuty})
 * @param emergencies the emergency whistles of the node still calling, with where their people stand — the same views
 * as the whistle's own list ({@code EmergencyWhistles.ofScope})
 * @param volunteers the volunteers checked in now at the node's activities still running and its posts held, as
 * {@code GET /api/v1/volunteer/on-duty} answers the node's desk
 * @param fees the self-run fees collected across the node this month and last, as
 * {@code GET /api/v1/property/fee-collection} answers (null where the node has no self-run estate)
 * @param alerts the node's open risk alerts: how many, the counts per state, and the first page of the sentinel
 * desk's open alerts (the oldest — the longest waiting — first), each with the steps the viewer may take
 */
public record ScreenSnapshot(Node node, Instant at, long position, LocalDate day, KpiReport today, KpiReport month, KpiTrend trend,
		List<Whistles> whistles, Overdue overdue, List<GridLoad> grids, List<Latest> latest, Rates partnership,
		Map<WishState, Long> wishes, List<RatingView> property, OnDutyNow onDuty, List<EmergencyView> emergencies,
		Volunteers volunteers, Fees fees, RiskAlerts alerts) {

	/** Volunteers on duty now: how many people (each once), the first of them, and the posts held. */
	public record Volunteers(long people, List<VolunteerOnSite> first, long postsHeld) {
	}

	/** Self-run fee collection of the node: this month so far, and last month. */
	public record Fees(ScopeCollection month, ScopeCollection lastMonth) {
	}

	/**
	 * Open risk alerts: how many, the counts per state (closed too, as the desk's tabs), the first page, and the
	 * moment they were read (an alert's age and lateness are counted to it).
	 */
	public record RiskAlerts(Instant at, long open, Map<AlertState, Long> counts, List<AlertView> first) {
	}

	/** The members on duty now: how many (each once), and the first lines (member, post, grid, until when). */
	public record OnDutyNow(long members, List<OnDuty> first) {
	}

	/** One of the newest reports: the desk queue's first page. */
	public record Latest(UUID id, IncidentState state, String categoryName, String description, UUID gridId,
			Instant reportedAt) {
	}

	public record Node(UUID id, String name, String level, boolean small) {
	}

	/** One whistle type: all of the scope and those still open (not closed, rated or refused). */
	public record Whistles(WhistleType type, long total, long open) {
	}

	public record Overdue(long count, List<OverdueIncident> first) {
	}

	public record OverdueIncident(UUID id, IncidentState state, String categoryName, String description, UUID gridId,
			Instant reportedAt, Instant resolveDueAt, int yellowCards, int redCards) {
	}

	/** A grid's load: open incidents, of those overdue, and open risk alerts (0 until a sentinel answers). */
	public record GridLoad(UUID gridId, long open, long overdue, long alerts) {
	}
}
