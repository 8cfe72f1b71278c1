package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.identity.persistence.JdbcAccounts;
import org.zhizhi.shared.Role;

/**
 * Who covers a place is kept in memory (issue 16: it was a read in every intake group's serial lane) and never
 * answers with what was: an account made or disabled here counts at once after its commit, and one changed by
 * another node or by an operator's SQL as soon as the database announces it.
 */
@ZhizhiIntegrationTest
class AccountCoverageIntegrationTests {

	private static final Set<Role> WORKERS = Set.of(Role.GRID_WORKER);

	@Autowired
	AccountQueries queries;

	@Autowired
	AccountManagement management;

	@Autowired
	JdbcAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void whoCoversAPlaceFollowsEveryChangeOfTheAccounts() {
		UUID grid = jdbc.queryForObject("SELECT id FROM territory.org_unit WHERE name = '东城社区第1网格'", UUID.class);
		String path = jdbc.queryForObject("SELECT path FROM territory.org_unit WHERE id = ?", String.class, grid);
		List<UUID> before = ids(path);

		Account made = management.bootstrap(new CreateAccount(ApiClient.uniqueUsername("it-cover"), "覆盖测试",
				ApiClient.TEST_PASSWORD, WORKERS, grid, null), false);
		assertThat(ids(path)).as("made here: counted at once").contains(made.id()).hasSize(before.size() + 1);

		accounts.setEnabled(made.id(), false);
		assertThat(ids(path)).as("disabled here: left out at once").doesNotContain(made.id());

		// as another node or an operator would: past this node's repository, heard from the database's announcement
		jdbc.update("UPDATE identity.account SET enabled = true WHERE id = ?", made.id());
		await().atMost(Duration.ofSeconds(10)).until(() -> ids(path).contains(made.id()));

		jdbc.update("UPDATE identity.account SET enabled = false WHERE id = ?", made.id());
		await().atMost(Duration.ofSeconds(10)).until(() -> !ids(path).contains(made.id()));
		assertThat(ids(path)).containsExactlyElementsOf(before);
	}

	private List<UUID> ids(String path) {
		return queries.covering(path, WORKERS).stream().map(Account::id).toList();
	}
}
