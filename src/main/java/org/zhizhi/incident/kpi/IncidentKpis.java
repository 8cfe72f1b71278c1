package org.zhizhi.incident.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.kpi.KpiReport.GridRank;
import org.zhizhi.incident.kpi.KpiRollups.GridClosure;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.ReplicaRead;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Incident KPIs of any org unit the caller may see, for any period of days, read from the rollups only: a district's
 * year costs its grids × 365 rollup rows, however many incidents it had. A replica may answer them
 * ({@link ReplicaRead}): figures of days and months are read by the desk, not right after one's own step.
 */
@Service
@EnableConfigurationProperties(KpiProperties.class)
@Transactional(readOnly = true)
@ReplicaRead
public class IncidentKpis {

	/** Who reads the KPIs: the people who run the whistle, from the grid up. */
	public static final Set<Role> READERS = org.zhizhi.incident.IncidentRoles.KPI_READERS;

	/** Three years: enough for a year compared with the year before, and a bound on a careless query. */
	public static final int MAX_DAYS = 3 * 366;

	static final int RANKED = 5;

	private final KpiRollups rollups;

	private final OrgUnitQueries orgUnits;

	private final Clock clock;

	/** Days are those of the platform's users. */
	private final ZoneId zone;

	private final boolean basicCountsAsSatisfied;

	private final int minDueForRanking;

	IncidentKpis(KpiRollups rollups, OrgUnitQueries orgUnits, Clock clock, ZoneId zone, KpiProperties settings) {
		this.rollups = rollups;
		this.orgUnits = orgUnits;
		this.clock = clock;
		this.zone = zone;
		this.basicCountsAsSatisfied = settings.basicCountsAsSatisfied();
		this.minDueForRanking = settings.minDueForRanking();
	}

	public static boolean mayRead(Actor actor) {
		return org.zhizhi.incident.IncidentRoles.readsKpis(actor);
	}

	/** Today in the platform's zone. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/**
	 * The report of an org unit (null: the caller's own scope node) for a period: its figures, 环比 and 同比, and the
	 * top and bottom grids. An org unit outside the caller's scope is not found, exactly like one that does not exist.
	 */
	public KpiReport report(Actor actor, UUID orgUnitId, KpiPeriod period) {
		if (!mayRead(actor)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "incident.roleNotAllowed");
		}
		check(period);
		OrgUnit unit = orgUnits.find(actor.scope(), orgUnitId == null ? actor.scope().orgUnitId() : orgUnitId)
			.orElseThrow(() -> DomainException.notFound("org-unit"));
		if (unit.level() == OrgLevel.MICRO_GRID) {
			throw DomainException.invalid(List.of(new FieldProblem("orgUnitId", "kpi.perGrid")));
		}
		LocalDate today = today();
		KpiPeriod previous = period.previous();
		KpiPeriod yearEarlier = period.yearEarlier();
		Ranking ranking = ranking(actor.scope(), unit, period, today);
		return new KpiReport(new KpiReport.Scope(unit.id(), unit.name(), unit.level().name()), period,
				figures(unit.scope(), period, today),
				new KpiReport.Comparison(previous, figures(unit.scope(), previous, today)),
				new KpiReport.Comparison(yearEarlier, figures(unit.scope(), yearEarlier, today)), minDueForRanking,
				ranking.top(), ranking.bottom());
	}

	/** The figures of everything in a scope (a node the caller has found in his own) for a period. */
	public KpiFigures figures(DataScope scope, KpiPeriod period, LocalDate today) {
		return KpiFigures.of(rollups.sums(scope, period.from(), period.to(), today), basicCountsAsSatisfied);
	}

	/**
	 * The five grids under the unit with the highest closure rate in the period, and the five with the lowest among the
	 * others, of the grids with at least {@code zhizhi.incident.kpi.min-due-for-ranking} incidents due. Equal closure
	 * rates are decided by the on-time closure rate, then by the volume due (more due ranks first at either end).
	 * Empty for a grid itself.
	 */
	public Ranking ranking(DataScope scope, OrgUnit unit, KpiPeriod period, LocalDate today) {
		if (unit.level() == OrgLevel.GRID) {
			return new Ranking(List.of(), List.of());
		}
		Comparator<GridClosure> rates = Comparator.comparingDouble((GridClosure g) -> (double) g.closed() / g.due())
			.thenComparingDouble(g -> (double) g.closedOnTime() / g.due());
		Comparator<GridClosure> volume = Comparator.comparingLong(GridClosure::due)
			.reversed()
			.thenComparing(GridClosure::gridId);
		List<GridClosure> grids = rollups.closureByGrid(unit.scope(), period.from(), period.to(), today,
				Math.max(1, minDueForRanking));
		List<GridClosure> top = grids.stream().sorted(rates.reversed().thenComparing(volume)).limit(RANKED).toList();
		List<GridClosure> bottom = grids.stream()
			.filter(g -> !top.contains(g))
			.sorted(rates.thenComparing(volume))
			.limit(RANKED)
			.toList();
		return new Ranking(named(scope, top), named(scope, bottom));
	}

	/** The best and the weakest grids by closure rate. */
	public record Ranking(List<GridRank> top, List<GridRank> bottom) {
	}

	private List<GridRank> named(DataScope scope, List<GridClosure> grids) {
		List<GridRank> ranked = new ArrayList<>();
		for (GridClosure grid : grids) {
			orgUnits.find(scope, grid.gridId())
				.ifPresent(g -> ranked.add(new GridRank(g.id(), g.name(), g.path(), grid.closed(), grid.due(),
						(double) grid.closed() / grid.due(), (double) grid.closedOnTime() / grid.due())));
		}
		return ranked;
	}

	/**
	 * Folds the deltas the steps appended into the rollup rows now, rather than at the next scheduled fold: for
	 * whoever reads the rollup tables themselves (the archive's checks, benchmarks); the KPI reads count pending deltas
	 * anyway.
	 *
	 * @return how many delta rows were folded
	 */
	@Transactional
	public int foldPending() {
		return rollups.fold();
	}

	/** Recomputes the whole rollup from the incidents and their timelines (repair, bulk loads). */
	@Transactional
	public int rebuild() {
		return rollups.rebuild();
	}

	private static void check(KpiPeriod period) {
		if (period.from().isAfter(period.to())) {
			throw DomainException.invalid(List.of(new FieldProblem("to", "kpi.toBeforeFrom")));
		}
		if (period.days() > MAX_DAYS) {
			throw DomainException.invalid(List.of(new FieldProblem("to", "kpi.periodTooLong", MAX_DAYS)));
		}
	}
}
