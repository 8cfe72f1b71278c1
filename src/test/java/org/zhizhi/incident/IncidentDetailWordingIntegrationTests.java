package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * How an incident's page reads to a new user: a deadline at midnight is the last day with 当日 (not "00:00" of the
 * next day, read as one day more), the grid that holds the order is named without a stray "层级" after it, and the
 * queue keeps a whistle type on one line.
 */
@ZhizhiIntegrationTest
class IncidentDetailWordingIntegrationTests {

	private static final Pattern DUE = Pattern.compile("data-due=\"incident.resolveDueAt\">\\s*<span>([^<]*)</span>");

	private static final Pattern OWNER = Pattern.compile("id=\"owner\">(.*?)</dd>", Pattern.DOTALL);

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestClock clock;

	@Test
	void aDeadlineAtMidnightReadsAsTheDayBeforeWithItsWholeDay() throws Exception {
		String id = new IncidentFixture(port, dataSource).whistled();
		LocalDate lastDay = clock.today().plusDays(3);
		setResolveDue(id, lastDay.plusDays(1).atStartOfDay(TestClock.CHINA).toInstant());

		String page = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD)
			.get("/incidents/" + id)
			.body();

		assertThat(due(page)).isEqualTo(lastDay + " 当日");
	}

	@Test
	void aDeadlineAtAnyOtherTimeKeepsItsTime() throws Exception {
		String id = new IncidentFixture(port, dataSource).whistled();
		LocalDate day = clock.today().plusDays(2);
		setResolveDue(id, day.atTime(17, 30).atZone(TestClock.CHINA).toInstant());

		String page = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD)
			.get("/incidents/" + id)
			.body();

		assertThat(due(page)).isEqualTo(day + " 17:30");
	}

	@Test
	void theGridHoldingAnOrderIsNamedWithoutAStrayWordAndTheQueueKeepsAWhistleTypeOnOneLine() {
		String id = new IncidentFixture(port, dataSource).whistled();
		WebSession leader = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);

		HttpResponse<String> detail = leader.get("/incidents/" + id);
		Matcher owner = OWNER.matcher(detail.body());
		assertThat(owner.find()).as("the owner is shown").isTrue();
		assertThat(owner.group(1)).contains("东城社区第1网格").doesNotContain("层级").doesNotContain("owner-kind");

		String queue = leader.get("/incidents").body();
		assertThat(queue).contains("<td class=\"nowrap\">快捷哨</td>");
	}

	private static String due(String page) {
		Matcher due = DUE.matcher(page);
		assertThat(due.find()).as("the page shows the deadline to resolve").isTrue();
		return due.group(1).strip();
	}

	private void setResolveDue(String id, Instant due) throws Exception {
		// the deadline policy decides real deadlines; here one is put at the hour under test
		try (Connection c = dataSource.getConnection();
				PreparedStatement update = c
					.prepareStatement("update incident.incident set resolve_due_at = ? where id = ?")) {
			update.setTimestamp(1, Timestamp.from(due));
			update.setObject(2, UUID.fromString(id));
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}
}
