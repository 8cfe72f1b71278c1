package org.zhizhi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/**
 * The stop is bounded, and the bound fits the service manager's patience: systemd kills what is still running after
 * {@code TimeoutStopSec} of {@code ops/zhizhi.service} — a node killed there would lose its clean PostgreSQL stop and
 * its outbox lease's return. The worst case adds up every bounded step of docs/operations.md, "Stopping a node".
 */
class ShutdownBoundsTests {

	/** ReportIntake.destroy waits this long for its writer; OutboxDispatcher.close as long for a run in hand. */
	private static final Duration INTAKE = Duration.ofSeconds(10);

	private static final Duration DISPATCHER = Duration.ofSeconds(10);

	/** pg_ctl stop -m fast -t 5, as the embedded PostgreSQL's close runs it. */
	private static final Duration POSTGRES = Duration.ofSeconds(5);

	@Test
	void everyPhaseOfTheStopIsBoundedAndTheWholeFitsTheUnitsStopTimeout() throws IOException {
		Properties settings = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
			settings.load(in);
		}
		assertThat(settings.getProperty("server.shutdown")).isEqualTo("graceful");
		Duration phase = DurationStyle.detectAndParse(settings.getProperty("spring.lifecycle.timeout-per-shutdown-phase"));
		Matcher delayDefault = Pattern.compile("\\$\\{ZHIZHI_SHUTDOWN_DELAY:(.+)}")
			.matcher(settings.getProperty("zhizhi.shutdown.delay"));
		assertThat(delayDefault.matches()).isTrue();
		Duration delay = DurationStyle.detectAndParse(delayDefault.group(1));
		Matcher stopTimeout = Pattern.compile("(?m)^TimeoutStopSec=(\\d+)$")
			.matcher(Files.readString(Path.of("ops/zhizhi.service")));
		assertThat(stopTimeout.find()).isTrue();

		// two graceful drains: the public port's and the management port's (its own context, its own phase)
		Duration worstCase = delay.plus(phase.multipliedBy(2)).plus(INTAKE).plus(DISPATCHER).plus(POSTGRES);

		assertThat(phase).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(30));
		assertThat(worstCase).isLessThan(Duration.ofSeconds(Long.parseLong(stopTimeout.group(1))));
	}
}
