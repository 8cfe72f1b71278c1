package org.zhizhi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole platform on a real embedded PostgreSQL in a fresh temporary directory, with the demo district loaded, on a
 * random port. Every integration test uses exactly this configuration, so Spring starts it once per test run.
 * Tests are not {@code @Transactional}: what they write is committed, so they create their own accounts and data
 * with unique names instead of relying on rollback, and never count what other tests may have left.
 * The platform's clock is the {@link TestClock}: "now" is a fixed moment, not the day the suite runs, and a test that
 * moves it is undone before the next one. Every test signs in from 127.0.0.1, so the sign-in throttle's per-client
 * limit (for one address trying many names; {@code SignInThrottleTests} checks it) is raised out of their way.
 * The overdue sweep does not run by its schedule here: it reads the shared clock, and a test that moves the clock
 * hours ahead would let it escalate the demo's orders for every test after it; the tests that need the sweep run it
 * themselves at the moment they choose ({@code OverdueSweep.run}). Nor does the KPI fold: every KPI read is tested
 * with the steps' deltas still pending, and the tests that look at the rollup tables fold first
 * ({@code IncidentKpis.foldPending}); {@code KpiFoldIntegrationTests} folds while reports come in. Nor does the
 * sentinel's pass: on a moved clock it would raise alerts in the middle of another test; its tests run it themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zhizhi.database.embedded.ephemeral=true", "zhizhi.demo.enabled=true",
				"zhizhi.security.throttle.per-client-minutely=100000", "management.server.port=0",
				"zhizhi.incident.sweep-interval=3650d", "zhizhi.incident.kpi.fold-interval=3650d",
				"zhizhi.command.sentinel-interval=3650d" })
@Import(TestClockConfiguration.class)
@ExtendWith(TestClockReset.class)
public @interface ZhizhiIntegrationTest {
}
