package org.zhizhi;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A second node of the platform in the test's JVM: the whole application once more, on ports of its own, pointed at
 * the embedded PostgreSQL of the test run's node as an operator points a node at an external database (its own pool,
 * the platform's role for rows, the superuser for the migrations, which find nothing left to do), and on the same
 * {@link TestClock}, as two machines agree on the time. Its connections call themselves {@value #APPLICATION_NAME} in
 * {@code pg_stat_activity}, so that a test can tell them from the first node's.
 */
public final class SecondNode implements AutoCloseable {

	public static final String APPLICATION_NAME = "zhizhi-node-b";

	private final ConfigurableApplicationContext context;

	private SecondNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts the node; {@code properties} ({@code name=value}) are set on top of the test run's own. */
	public static SecondNode start(EmbeddedPostgres postgres, TestClock clock, String... properties) {
		List<String> arguments = new ArrayList<>(List.of(
				"--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?ApplicationName="
						+ APPLICATION_NAME,
				"--spring.datasource.username=zhizhi_app", "--spring.datasource.password=",
				"--zhizhi.database.migration.username=postgres", "--zhizhi.database.migration.password=",
				// what ZhizhiIntegrationTest sets for the first node, for the same reasons
				"--zhizhi.demo.enabled=true", "--server.port=0", "--management.server.port=0",
				"--zhizhi.security.throttle.per-client-minutely=100000", "--zhizhi.incident.sweep-interval=3650d",
				"--zhizhi.incident.kpi.fold-interval=3650d", "--spring.main.banner-mode=off"));
		for (String property : properties) {
			arguments.add("--" + property);
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ZhizhiApplication.class)
			.initializers(c -> ((GenericApplicationContext) c).registerBean("testClock", TestClock.class, () -> clock,
					definition -> definition.setPrimary(true)))
			.run(arguments.toArray(String[]::new));
		return new SecondNode(context);
	}

	public int port() {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public <T> List<T> beans(Class<T> type) {
		return List.copyOf(context.getBeansOfType(type).values());
	}

	public boolean running() {
		return context.isActive();
	}

	/**
	 * What the node's death looks like to the database: its pool refuses every new connection from now on and gives
	 * up those in use (their sockets closed, their open transactions rolled back by PostgreSQL), without any of the
	 * orderly shutdown that would let in-flight work finish.
	 */
	public void loseDatabase() throws Exception {
		context.getBean(DataSource.class).unwrap(HikariDataSource.class).close();
	}

	@Override
	public void close() {
		if (context.isActive()) {
			context.close();
		}
	}
}
