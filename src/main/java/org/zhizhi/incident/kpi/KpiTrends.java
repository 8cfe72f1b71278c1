package org.zhizhi.incident.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.ReplicaRead;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The KPI trend of an org unit: its period cut into months or ISO weeks, each bucket's figures asked of
 * {@link IncidentKpis#figures} for the bucket's days — the very call behind the report's cards, so a point is by
 * construction the number the cards show for that bucket's period. The same readers and the same scope as the report:
 * an org unit outside the caller's scope is not found.
 */
@Service
@Transactional(readOnly = true)
@ReplicaRead
public class KpiTrends {

	/** A chart stays legible, and a request cheap: at most this many points (a month costs one rollup read). */
	public static final int MAX_POINTS = 60;

	private final IncidentKpis kpis;

	private final OrgUnitQueries orgUnits;

	KpiTrends(IncidentKpis kpis, OrgUnitQueries orgUnits) {
		this.kpis = kpis;
		this.orgUnits = orgUnits;
	}

	/**
	 * The trend of an org unit (null: the caller's own scope node) over a period, by the granularity asked (null: by
	 * month over {@value KpiGranularity#WEEKS_UP_TO_DAYS} days, by week otherwise).
	 */
	public KpiTrend trend(Actor actor, UUID orgUnitId, KpiPeriod period, KpiGranularity granularity) {
		if (!IncidentKpis.mayRead(actor)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "incident.roleNotAllowed");
		}
		check(period);
		KpiGranularity cut = granularity == null ? KpiGranularity.defaultFor(period) : granularity;
		if (cut.count(period) > MAX_POINTS) {
			throw DomainException.invalid(List.of(new FieldProblem("granularity", "kpi.chart.tooManyPoints",
					MAX_POINTS, cut.count(period))));
		}
		OrgUnit unit = orgUnits.find(actor.scope(), orgUnitId == null ? actor.scope().orgUnitId() : orgUnitId)
			.orElseThrow(() -> DomainException.notFound("org-unit"));
		if (unit.level() == OrgLevel.MICRO_GRID) {
			throw DomainException.invalid(List.of(new FieldProblem("orgUnitId", "kpi.perGrid")));
		}
		LocalDate today = kpis.today();
		List<KpiTrend.Point> points = new ArrayList<>();
		for (KpiPeriod bucket : cut.buckets(period)) {
			points.add(new KpiTrend.Point(cut.key(bucket), bucket, kpis.figures(unit.scope(), bucket, today)));
		}
		return new KpiTrend(new KpiReport.Scope(unit.id(), unit.name(), unit.level().name()), period, cut,
				List.copyOf(points));
	}

	/** The report's own checks of a period (IncidentKpis keeps them private), with the same fields and messages. */
	private static void check(KpiPeriod period) {
		if (period.from().isAfter(period.to())) {
			throw DomainException.invalid(List.of(new FieldProblem("to", "kpi.toBeforeFrom")));
		}
		if (period.days() > IncidentKpis.MAX_DAYS) {
			throw DomainException.invalid(List.of(new FieldProblem("to", "kpi.periodTooLong", IncidentKpis.MAX_DAYS)));
		}
	}
}
