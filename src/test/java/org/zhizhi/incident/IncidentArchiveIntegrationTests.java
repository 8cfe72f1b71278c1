package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.incident.IncidentArchive.HistoricActor;
import org.zhizhi.incident.IncidentArchive.HistoricIncident;
import org.zhizhi.incident.IncidentArchive.HistoricStep;
import org.zhizhi.incident.deadline.DeadlinePolicy;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.Boundaries;

/**
 * Importing past incidents from an older system: the sequence replayed through the life cycle (an illegal one refused,
 * nothing written), the place inside a grid of the importer's scope, the row left as the live steps would leave it
 * (deadlines from the policy), and the KPI rollups equal to a rebuild.
 */
@ZhizhiIntegrationTest
class IncidentArchiveIntegrationTests {

	@Autowired
	TestClock clock;

	@Autowired
	IncidentArchive archive;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncidentKpis kpis;

	@Autowired
	DeadlinePolicy policy;

	private static final HistoricActor WORKER = new HistoricActor(UUID.randomUUID(), "旧系统网格员", "GRID_WORKER");

	private static final HistoricActor MEMBER = new HistoricActor(UUID.randomUUID(), "旧系统党员", "PARTY_MEMBER");

	private static final HistoricActor RESIDENT = new HistoricActor(UUID.randomUUID(), "旧系统居民", "RESIDENT");

	@Test
	void aWholeLoopIsImportedAsTheLiveStepsWouldLeaveItAndTheRollupsEqualARebuild() {
		Instant reported = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(Duration.ofDays(40));
		// a community of its own in the demo, so that the demo's figures of 东城社区 and 金银桥社区 stay the seeds'
		double[] at = inside("攀钢家属区第1网格");
		String description = "历史导入 井盖破损 " + UUID.randomUUID();
		Instant whistled = reported.plus(Duration.ofMinutes(20));
		HistoricIncident loop = new HistoricIncident(Channel.PATROL, "MANHOLE_COVER", description, at[0], at[1],
				reported, WORKER, false,
				List.of(HistoricStep.of(IncidentAction.ACCEPT, reported.plus(Duration.ofMinutes(10)), WORKER, null),
						HistoricStep.triage(reported.plus(Duration.ofMinutes(12)), WORKER, Triage.COMMUNITY, null),
						HistoricStep.whistle(whistled, WORKER, WhistleType.QUICK, null),
						HistoricStep.of(IncidentAction.CLAIM, reported.plus(Duration.ofMinutes(30)), MEMBER, null),
						HistoricStep.checkIn(reported.plus(Duration.ofMinutes(50)), MEMBER, at[0], at[1]),
						HistoricStep.of(IncidentAction.RESOLVE, reported.plus(Duration.ofMinutes(90)), MEMBER, "已更换"),
						HistoricStep.of(IncidentAction.VERIFY, reported.plus(Duration.ofMinutes(120)), WORKER, null),
						HistoricStep.rate(reported.plus(Duration.ofDays(1)), RESIDENT, Rating.SATISFIED, null)));

		IncidentArchive.Imported imported = archive.importAll(staffOf("走马梁社区"), List.of(loop));

		assertThat(imported.incidentIds()).hasSize(1);
		assertThat(imported.timelineEntries()).isEqualTo(10); // the report, eight steps, and the closure after VERIFY
		Map<String, Object> row = jdbc.sql("""
				select state, claimed_by, owner_kind, dispatch_mode, resolve_due_at, closed_at, rating, tier,
				       (select name from territory.org_unit where id = grid_id) as grid
				  from incident.incident where id = :id""")
			.param("id", imported.incidentIds().get(0))
			.query()
			.singleRow();
		assertThat(row.get("state")).isEqualTo("RATED");
		assertThat(row.get("claimed_by")).isEqualTo(MEMBER.id());
		assertThat(row.get("owner_kind")).isEqualTo("ORG_UNIT");
		assertThat(row.get("dispatch_mode")).isEqualTo("OPEN_CALL");
		assertThat(row.get("rating")).isEqualTo("SATISFIED");
		assertThat(row.get("tier")).isEqualTo("GRID");
		assertThat(row.get("grid")).isEqualTo("攀钢家属区第1网格");
		assertThat(((java.sql.Timestamp) row.get("resolve_due_at")).toInstant())
			.isEqualTo(policy.dueDates(WhistleType.QUICK, "MANHOLE_COVER", whistled)
				.resolveDue());
		assertThat(((java.sql.Timestamp) row.get("closed_at")).toInstant())
			.isEqualTo(reported.plus(Duration.ofMinutes(120))
				.plusNanos(1_000));
		assertThat(jdbc.sql("select action from incident.timeline_entry where incident_id = :id order by occurred_at, id")
			.param("id", imported.incidentIds().get(0))
			.query(String.class)
			.list()).containsExactly("REPORT", "ACCEPT", "TRIAGE", "WHISTLE", "CLAIM", "CHECK_IN", "RESOLVE", "VERIFY",
					"CLOSE", "RATE");
		// counted by the rollups: its fact is there, and the rollups are exactly what a rebuild makes of everything
		assertThat(jdbc.sql("select count(*) from incident.kpi_fact where incident_id = :id and rated_at is not null")
			.param("id", imported.incidentIds().get(0))
			.query(Long.class)
			.single()).isEqualTo(1);
		List<String> afterImport = rollups();
		kpis.rebuild();
		assertThat(rollups()).containsExactlyElementsOf(afterImport);
	}

	@Test
	void anIllegalSequenceIsRefusedNamingTheStepAndNothingIsWritten() {
		long before = count();
		Instant reported = clock.instant().minus(Duration.ofDays(3));
		double[] at = inside("东城社区第14网格");
		HistoricIncident fine = new HistoricIncident(Channel.PATROL, "OTHER", "历史导入 合法 " + UUID.randomUUID(), at[0],
				at[1], reported, WORKER, false,
				List.of(HistoricStep.of(IncidentAction.ACCEPT, reported.plusSeconds(60), WORKER, null)));
		// claimed straight after the report: never whistled
		HistoricIncident skipped = new HistoricIncident(Channel.PATROL, "OTHER", "历史导入 跳步 " + UUID.randomUUID(),
				at[0], at[1], reported, WORKER, false,
				List.of(HistoricStep.of(IncidentAction.ACCEPT, reported.plusSeconds(60), WORKER, null),
						HistoricStep.of(IncidentAction.CLAIM, reported.plusSeconds(120), MEMBER, null)));
		DomainException refused = catchThrowableOfType(DomainException.class,
				() -> archive.importAll(staffOf("东城社区"), List.of(fine, skipped)));
		assertThat(refused.category()).isEqualTo(Category.INVALID);
		assertThat(refused.fieldProblems()).extracting(FieldProblem::field)
			.containsExactly("incidents[1].steps[1].action");
		assertThat(refused.fieldProblems().get(0).messageKey()).isEqualTo("incident.illegalTransition");
		assertThat(refused.fieldProblems().get(0).args()).containsExactly("ACCEPTED", "CLAIM");
		// a step dated before the one it follows is refused too
		HistoricIncident backwards = new HistoricIncident(Channel.PATROL, "OTHER", "历史导入 " + UUID.randomUUID(), at[0],
				at[1], reported, WORKER, false,
				List.of(HistoricStep.of(IncidentAction.ACCEPT, reported.plusSeconds(60), WORKER, null),
						HistoricStep.of(IncidentAction.ACCEPT, reported.plusSeconds(30), WORKER, null)));
		assertThat(catchThrowableOfType(DomainException.class,
				() -> archive.importAll(staffOf("东城社区"), List.of(backwards))).fieldProblems())
			.extracting(FieldProblem::field)
			.containsExactly("incidents[0].steps[1].at");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anIncidentOutsideEveryGridOrOutsideTheImportersScopeIsRefused() {
		long before = count();
		Instant reported = clock.instant().minus(Duration.ofDays(3));
		HistoricIncident nowhere = new HistoricIncident(Channel.PATROL, "OTHER", "历史导入 无网格", 10.0, 10.0, reported,
				WORKER, false, List.of());
		double[] zoumaliang = inside("攀钢家属区第2网格");
		HistoricIncident elsewhere = new HistoricIncident(Channel.PATROL, "OTHER", "历史导入 他人辖区", zoumaliang[0],
				zoumaliang[1], reported, WORKER, false, List.of());
		DomainException refused = catchThrowableOfType(DomainException.class,
				() -> archive.importAll(staffOf("金银桥社区"), List.of(nowhere, elsewhere)));
		assertThat(refused.fieldProblems()).extracting(FieldProblem::field, FieldProblem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("incidents[0].lat", "incident.outsideGrids"),
					org.assertj.core.groups.Tuple.tuple("incidents[1].lat", "incident.outsideGrids"));
		// the same incident is accepted from a scope that covers it
		assertThat(archive.importAll(staffOf("走马梁社区"), List.of(elsewhere)).incidentIds()).hasSize(1);
		assertThat(count()).isEqualTo(before + 1);
		// and only staff above the grid import at all
		Actor gridWorker = new Actor(UUID.randomUUID(), "g", "g", Set.of(Role.GRID_WORKER), scopeOf("攀钢家属区第2网格"));
		assertThat(catchThrowableOfType(DomainException.class,
				() -> archive.importAll(gridWorker, List.of(elsewhere))).category()).isEqualTo(Category.FORBIDDEN);
	}

	private List<String> rollups() {
		kpis.foldPending();
		return jdbc.sql("select r::text from incident.kpi_rollup r union all "
				+ "select 'month ' || m::text from incident.kpi_rollup_month m order by 1")
			.query(String.class)
			.list();
	}

	private long count() {
		return jdbc.sql("select count(*) from incident.incident").query(Long.class).single();
	}

	private Actor staffOf(String community) {
		return new Actor(UUID.randomUUID(), "archive", "档案导入", Set.of(Role.COMMUNITY_STAFF), scopeOf(community));
	}

	private DataScope scopeOf(String name) {
		Map<String, Object> unit = jdbc.sql("select id, path from territory.org_unit where name = :name")
			.param("name", name)
			.query()
			.singleRow();
		return new DataScope((UUID) unit.get("id"), (String) unit.get("path"));
	}

	/** A point well inside the grid, off its centre. */
	private double[] inside(String grid) {
		String boundary = jdbc.sql("select boundary::text from territory.org_unit where name = :name")
			.param("name", grid)
			.query(String.class)
			.single();
		Point point = Boundaries.parse(boundary).getInteriorPoint();
		return new double[] { point.getY(), point.getX() };
	}
}
