package org.zhizhi.command.screen;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.zhizhi.command.AlertState;
import org.zhizhi.command.CommandRoles;
import org.zhizhi.command.EmergencyState;
import org.zhizhi.command.EmergencyView;
import org.zhizhi.command.EmergencyWhistles;
import org.zhizhi.command.GridRisk;
import org.zhizhi.command.screen.ScreenSnapshot.GridLoad;
import org.zhizhi.command.screen.ScreenSnapshot.Node;
import org.zhizhi.command.screen.ScreenSnapshot.Overdue;
import org.zhizhi.command.screen.ScreenSnapshot.OverdueIncident;
import org.zhizhi.command.screen.ScreenSnapshot.Whistles;
import org.zhizhi.command.sentinel.AlertViews.AlertPage;
import org.zhizhi.command.sentinel.Alerts;
import org.zhizhi.command.sentinel.persistence.JdbcAlerts;
import org.zhizhi.incident.DeskFilter;
import org.zhizhi.incident.IncidentLists;
import org.zhizhi.incident.IncidentRow;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.incident.kpi.KpiGranularity;
import org.zhizhi.incident.kpi.KpiPeriod;
import org.zhizhi.incident.kpi.KpiTrends;
import org.zhizhi.party.DutyRosters;
import org.zhizhi.party.OnDuty;
import org.zhizhi.partnership.PartnershipQueries;
import org.zhizhi.partnership.PartnershipManagement;
import org.zhizhi.partnership.PartnershipViews.Rates;
import org.zhizhi.property.Assessments;
import org.zhizhi.property.PropertyRoles;
import org.zhizhi.property.PropertyViews.RatingView;
import org.zhizhi.property.SelfRunBooks;
import org.zhizhi.property.SelfRunRoles;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.wish.WishQueries;
import org.zhizhi.wish.WishRoles;
import org.zhizhi.volunteer.VolunteerQueries;
import org.zhizhi.volunteer.VolunteerRoles;
import org.zhizhi.wish.WishState;

/**
 * Gathers a screen's panels from the modules' own queries — the same calls their pages and APIs make — for the
 * screen's node. The screen adds nothing but sums of their answers (a whistle type's states), so that a figure on the
 * wall is the figure on the desk: {@code CommandScreenFiguresIntegrationTests} compares them.
 */
@Service
public class CommandScreen {

	/** How many overdue incidents the screen lists: the desk queue's first page. */
	static final int OVERDUE_LISTED = IncidentLists.PAGE_SIZE;

	/** The members on duty the screen names; the count covers them all. */
	static final int ON_DUTY_LISTED = 12;

	/** States after which an incident waits for nobody: what "open" leaves out. */
	private static final Set<IncidentState> DONE = EnumSet.of(IncidentState.CLOSED, IncidentState.RATED,
			IncidentState.REJECTED);

	private final IncidentKpis kpis;

	private final KpiTrends trends;

	private final IncidentLists incidents;

	private final PartnershipQueries partnership;

	private final WishQueries wishes;

	private final Assessments assessments;

	private final List<GridRisk> risks;

	private final Clock clock;

	private final EmergencyWhistles emergencies;

	private final DutyRosters duty;

	private final OrgUnitQueries orgUnits;

	private final VolunteerQueries volunteers;

	private final SelfRunBooks fees;

	private final Alerts alerts;

	CommandScreen(IncidentKpis kpis, KpiTrends trends, IncidentLists incidents, PartnershipQueries partnership,
			WishQueries wishes, Assessments assessments, List<GridRisk> risks, Clock clock,
			EmergencyWhistles emergencies, DutyRosters duty, OrgUnitQueries orgUnits, VolunteerQueries volunteers,
			SelfRunBooks fees, Alerts alerts) {
		this.volunteers = volunteers;
		this.fees = fees;
		this.alerts = alerts;
		this.emergencies = emergencies;
		this.duty = duty;
		this.orgUnits = orgUnits;
		this.kpis = kpis;
		this.trends = trends;
		this.incidents = incidents;
		this.partnership = partnership;
		this.wishes = wishes;
		this.assessments = assessments;
		this.risks = risks;
		this.clock = clock;
	}

	public ScreenSnapshot snapshot(ScreenScope screen) {
		Instant now = clock.instant();
		LocalDate today = kpis.today();
		UUID unit = screen.unit().id();
		return new ScreenSnapshot(
				new Node(unit, screen.unit().name(), screen.unit().level().name(), screen.small()), now, now.toEpochMilli(), today,
				kpis.report(screen.viewer(), unit, new KpiPeriod(today, today)),
				kpis.report(screen.viewer(), unit, KpiPeriod.monthOf(today)),
				trends.trend(screen.viewer(), unit, KpiPeriod.yearOf(today), KpiGranularity.MONTH), whistles(screen),
				overdue(screen), gridLoads(screen), latest(screen), partnership(screen), wishes(screen),
				property(screen, today), onDuty(screen, now), calling(screen), volunteers(screen), fees(screen),
				alerts(screen));
	}

	/** The volunteers checked in now at the node's activities, and its posts held; for the volunteer desk only. */
	private ScreenSnapshot.Volunteers volunteers(ScreenScope screen) {
		if (!screen.viewer().hasAny(VolunteerRoles.DESK)) {
			return null;
		}
		VolunteerQueries.OnDutyNow now = volunteers.onDutyNow(screen.reader());
		return new ScreenSnapshot.Volunteers(now.people(), now.onSite().stream().limit(ON_DUTY_LISTED).toList(),
				now.postsHeld());
	}

	/**
	 * The node's self-run fees: this month (still being paid) and last month (finished, its short buildings flagged);
	 * left out for whoever keeps no books, and where the node has no self-run estate.
	 */
	private ScreenSnapshot.Fees fees(ScreenScope screen) {
		if (!SelfRunRoles.keepsBooks(screen.viewer())) {
			return null;
		}
		var month = fees.thisMonth();
		SelfRunBooks.ScopeCollection current = fees.collectionOfScope(screen.reader(), month);
		return current.bodies() == 0 ? null
				: new ScreenSnapshot.Fees(current, fees.collectionOfScope(screen.reader(), month.minusMonths(1)));
	}

	/** The node's open alerts as the sentinel's desk lists them (its 未关闭 tab's first page); for the alert desks. */
	public ScreenSnapshot.RiskAlerts alerts(ScreenScope screen) {
		if (!CommandRoles.readsAlerts(screen.viewer())) {
			return null;
		}
		AlertPage page = alerts.list(screen.reader(), new JdbcAlerts.Filter(null, null, true), 0);
		long open = page.counts()
			.entrySet()
			.stream()
			.filter(e -> e.getKey() != AlertState.CLOSED)
			.mapToLong(Map.Entry::getValue)
			.sum();
		return new ScreenSnapshot.RiskAlerts(clock.instant(), open, page.counts(), page.alerts());
	}

	/** How many party members stand at their posts in the node's grids and micro-grids now, and the first of them. */
	private ScreenSnapshot.OnDutyNow onDuty(ScreenScope screen, Instant now) {
		List<UUID> places = new ArrayList<>();
		for (OrgLevel level : List.of(OrgLevel.GRID, OrgLevel.MICRO_GRID)) {
			orgUnits.list(screen.scope(), new OrgUnitFilter(null, null, level)).forEach(u -> places.add(u.id()));
		}
		List<OnDuty> lines = places.isEmpty() ? List.of() : duty.onDuty(screen.scope(), places, now);
		long members = lines.stream().map(OnDuty::memberId).distinct().count();
		return new ScreenSnapshot.OnDutyNow(members, lines.stream().limit(ON_DUTY_LISTED).toList());
	}

	/** The emergency whistles of the screen's node still calling, as the whistle's own list shows them. */
	private List<EmergencyView> calling(ScreenScope screen) {
		return emergencies.ofScope(screen.reader(), 0)
			.stream()
			.filter(w -> w.state() == EmergencyState.CALLING)
			.toList();
	}

	/** The load of every grid of the screen with open incidents or risk alerts. */
	public List<GridLoad> gridLoads(ScreenScope screen) {
		Map<UUID, IncidentLists.GridLoad> loads = incidents.gridLoads(screen.scope());
		Map<UUID, Long> alerts = new HashMap<>();
		for (GridRisk risk : risks) {
			risk.openAlertsByGrid(screen.scope()).forEach((grid, n) -> alerts.merge(grid, n, Long::sum));
		}
		List<GridLoad> grids = new ArrayList<>();
		loads.forEach((grid, load) -> grids.add(new GridLoad(grid, load.open(), load.overdue(),
				alerts.getOrDefault(grid, 0L))));
		alerts.forEach((grid, n) -> {
			if (!loads.containsKey(grid)) {
				grids.add(new GridLoad(grid, 0, 0, n));
			}
		});
		return grids;
	}

	private List<Whistles> whistles(ScreenScope screen) {
		List<Whistles> whistles = new ArrayList<>();
		for (WhistleType type : WhistleType.values()) {
			Map<IncidentState, Long> counts = incidents.countsByState(screen.reader(),
					new DeskFilter(null, type, null, null, false));
			long total = counts.values().stream().mapToLong(Long::longValue).sum();
			long open = counts.entrySet()
				.stream()
				.filter(e -> !DONE.contains(e.getKey()))
				.mapToLong(Map.Entry::getValue)
				.sum();
			whistles.add(new Whistles(type, total, open));
		}
		return whistles;
	}

	private Overdue overdue(ScreenScope screen) {
		DeskFilter overdue = new DeskFilter(null, null, null, null, true);
		long count = incidents.countsByState(screen.reader(), overdue)
			.values()
			.stream()
			.mapToLong(Long::longValue)
			.sum();
		List<OverdueIncident> first = incidents.queue(screen.reader(), overdue, 0)
			.stream()
			.limit(OVERDUE_LISTED)
			.map(CommandScreen::overdueIncident)
			.toList();
		return new Overdue(count, first);
	}

	private List<ScreenSnapshot.Latest> latest(ScreenScope screen) {
		return incidents.queue(screen.reader(), DeskFilter.none(), 0)
			.stream()
			.limit(IncidentLists.PAGE_SIZE)
			.map(r -> new ScreenSnapshot.Latest(r.id(), r.state(), r.categoryName(), r.description(), r.gridId(),
					r.reportedAt()))
			.toList();
	}

	private static OverdueIncident overdueIncident(IncidentRow row) {
		return new OverdueIncident(row.id(), row.state(), row.categoryName(), row.description(), row.gridId(),
				row.reportedAt(), row.resolveDueAt(), row.yellowCards(), row.redCards());
	}

	/** This year's need rates of the node; left out for whoever the partnership desk does not serve. */
	private Rates partnership(ScreenScope screen) {
		if (!screen.viewer().hasAny(PartnershipManagement.STAFF)) {
			return null;
		}
		return partnership.rates(screen.reader(), null, null, null);
	}

	/** Last year's property ratings (the property API's default year); left out for whoever the desk does not serve. */
	private List<RatingView> property(ScreenScope screen, LocalDate today) {
		return PropertyRoles.mayOpenDesk(screen.viewer()) ? assessments.ratings(screen.reader(), today.getYear() - 1)
				: null;
	}

	/** The wish desk's counts; left out for whoever does not use the desk. */
	private Map<WishState, Long> wishes(ScreenScope screen) {
		return WishRoles.usesDesk(screen.viewer()) ? wishes.counts(screen.reader()) : null;
	}
}
