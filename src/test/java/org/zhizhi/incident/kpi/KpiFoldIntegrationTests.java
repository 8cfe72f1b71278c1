package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.TerritoryManagement;

/**
 * The KPI rollups under a burst (issue 16): every step appends its delta and a fold moves the deltas into the rollup
 * rows in the background. A burst of reports in one grid, from many connections at once, while folds run over and
 * over: at every moment the figures count exactly the incidents that exist, and once folded the daily and the
 * monthly rollup rows hold every report exactly once, none left pending.
 */
@ZhizhiIntegrationTest
class KpiFoldIntegrationTests {

	private static final int REPORTS = 160;

	private static final int CONNECTIONS = 16;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TerritoryManagement territory;

	@Autowired
	IncidentKpis kpis;

	@Test
	void aBurstInOneGridIsCountedExactlyWhileFoldsRun() throws Exception {
		KpiGrid g = KpiGrid.create(port, jdbc, territory);
		DataScope grid = new DataScope(g.grid.id(), g.grid.path());
		LocalDate today = kpis.today();
		KpiPeriod day = new KpiPeriod(today, today);

		AtomicBoolean reporting = new AtomicBoolean(true);
		AtomicInteger folds = new AtomicInteger();
		List<Long> countedWhileReporting = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS + 1);
		try {
			Future<?> folder = pool.submit(() -> {
				while (reporting.get()) {
					kpis.foldPending();
					folds.incrementAndGet();
					// a read between two folds: never more than the incidents that exist by then
					long counted = kpis.figures(grid, day, today).reported();
					long exist = incidentsOf(g);
					assertThat(counted).isLessThanOrEqualTo(exist);
					countedWhileReporting.add(counted);
				}
				return null;
			});
			List<Future<?>> reporters = new ArrayList<>();
			for (int c = 0; c < CONNECTIONS; c++) {
				reporters.add(pool.submit(() -> {
					for (int n = 0; n < REPORTS / CONNECTIONS; n++) {
						g.report(0);
					}
					return null;
				}));
			}
			for (Future<?> reporter : reporters) {
				reporter.get();
			}
			reporting.set(false);
			folder.get();
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(incidentsOf(g)).isEqualTo(REPORTS);
		assertThat(folds.get()).as("folds while reporting").isGreaterThan(1);
		assertThat(countedWhileReporting).isSorted();
		// pending or folded, the figures count every report once
		assertThat(kpis.figures(grid, day, today).reported()).isEqualTo(REPORTS);
		kpis.foldPending();
		assertThat(kpis.figures(grid, day, today).reported()).isEqualTo(REPORTS);
		assertThat(rollup("select coalesce(sum(reported), 0) from incident.kpi_rollup where grid_id = :grid", g))
			.isEqualTo(REPORTS);
		assertThat(rollup("select coalesce(sum(reported), 0) from incident.kpi_rollup_month where grid_id = :grid", g))
			.isEqualTo(REPORTS);
		assertThat(rollup("select count(*) from incident.kpi_rollup_delta where grid_id = :grid", g)).isZero();
	}

	private long incidentsOf(KpiGrid g) {
		return rollup("select count(*) from incident.incident where grid_id = :grid", g);
	}

	private long rollup(String sql, KpiGrid g) {
		return jdbc.sql(sql).param("grid", g.grid.id()).query(Long.class).single();
	}
}
