package org.zhizhi.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;

/**
 * Issue 11, the second wall: a query run as the platform's role that forgets its scope predicate returns no foreign
 * row of the incident and personal-data tables — PostgreSQL's row-level security compares each row with the scope of
 * whoever is signed in on the thread — while the platform's own work (nobody signed in) sees what its predicates say.
 */
@ZhizhiIntegrationTest
class RowLevelSecurityIntegrationTests {

	@Autowired
	DataSource dataSource;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aDeliberatelyUnscopedQueryReturnsNoForeignRow() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		DataScope dongcheng = scopeOf(jdbc, "东城社区");
		long incidents = jdbc.queryForObject("SELECT count(*) FROM incident.incident", Long.class);
		long residents = jdbc.queryForObject("SELECT count(*) FROM people.resident", Long.class);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM party.member WHERE scope_path NOT LIKE ?", Long.class,
				dongcheng.likePattern())).as("the demo district has party members elsewhere").isPositive();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM wish.wish WHERE scope_path NOT LIKE ?", Long.class,
				dongcheng.likePattern())).as("the demo district has wishes elsewhere").isPositive();
		long foreignIncidents = jdbc.queryForObject("SELECT count(*) FROM incident.incident WHERE scope_path NOT LIKE ?",
				Long.class, dongcheng.likePattern());
		assertThat(foreignIncidents).as("the demo district has incidents elsewhere").isPositive();

		signIn(dongcheng);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM incident.incident WHERE scope_path NOT LIKE ?", Long.class,
				dongcheng.likePattern())).as("foreign incidents, no predicate but this one").isZero();
		long seen = jdbc.queryForObject("SELECT count(*) FROM incident.incident", Long.class);
		assertThat(seen).isPositive().isEqualTo(incidents - foreignIncidents);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM people.resident WHERE scope_path NOT LIKE ?", Long.class,
				dongcheng.likePattern())).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM people.household WHERE scope_path NOT LIKE ?", Long.class,
				dongcheng.likePattern())).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM people.resident", Long.class)).isLessThan(residents);
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM party.member m
				 WHERE m.scope_path NOT LIKE ?
				   AND NOT EXISTS (SELECT 1 FROM territory.org_unit o WHERE o.id = m.dual_community_id AND o.path LIKE ?)""",
				Long.class, dongcheng.likePattern(), dongcheng.likePattern()))
			.as("party members neither of 东城社区 nor dual-registered there").isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM party.hub_household WHERE scope_path NOT LIKE ?", Long.class,
				dongcheng.likePattern())).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM wish.wish WHERE scope_path NOT LIKE ?", Long.class,
				dongcheng.likePattern())).as("another community's wishes, to someone in no relation to them").isZero();

		SecurityContextHolder.clearContext();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM incident.incident", Long.class))
			.as("a pooled connection keeps no earlier scope").isEqualTo(incidents);
	}

	@Test
	void aForeignRowCannotBeWrittenEither() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		DataScope dongcheng = scopeOf(jdbc, "东城社区");
		UUID foreign = jdbc.queryForObject("SELECT id FROM incident.incident WHERE scope_path NOT LIKE ? LIMIT 1",
				UUID.class, dongcheng.likePattern());

		signIn(dongcheng);
		assertThat(jdbc.update("UPDATE incident.incident SET updated_at = updated_at WHERE id = ?", foreign)).isZero();
	}

	/** Beyond his scope a person still sees the wishes he stands in a relation to: here, the one he posted. */
	@Test
	void aWishBeyondTheScopeIsSeenByItsPosterOnly() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		DataScope dongcheng = scopeOf(jdbc, "东城社区");
		Map<String, Object> foreign = jdbc.queryForMap(
				"SELECT id, posted_by FROM wish.wish WHERE scope_path NOT LIKE ? ORDER BY id LIMIT 1",
				dongcheng.likePattern());
		UUID poster = (UUID) foreign.get("posted_by");
		// what he stands in a relation to, counted as the platform (no policy): the spec of wish/V4
		long related = jdbc.queryForObject("""
				SELECT count(*) FROM wish.wish w
				 WHERE w.scope_path NOT LIKE ?
				   AND (w.posted_by = ? OR w.dispatch_account_id = ?
				        OR EXISTS (SELECT 1 FROM wish.taker t WHERE t.wish_id = w.id
				                    AND (t.account_id = ? OR t.taker_id IN (SELECT partner_id
				                          FROM partnership.partner_liaison WHERE account_id = ?)))
				        OR EXISTS (SELECT 1 FROM party.member m WHERE m.account_id = ? AND m.kind = 'IN_SERVICE'
				                    AND m.status = 'ACTIVE' AND m.dual_community_id = w.community_id))""", Long.class,
				dongcheng.likePattern(), poster, poster, poster, poster, poster);

		Actor actor = new Actor(poster, "it-rls-poster", "测试", Set.of(Role.RESIDENT), dongcheng);
		SecurityContextHolder.getContext().setAuthentication(
				new UsernamePasswordAuthenticationToken(actor, null, java.util.List.of()));
		List<UUID> seen = jdbc.queryForList("SELECT id FROM wish.wish WHERE scope_path NOT LIKE ?", UUID.class,
				dongcheng.likePattern());
		assertThat(seen).contains((UUID) foreign.get("id"));
		assertThat((long) seen.size()).as("exactly those he stands in a relation to").isEqualTo(related);

		signIn(dongcheng);
		assertThat(jdbc.queryForList("SELECT id FROM wish.wish WHERE scope_path NOT LIKE ?", UUID.class,
				dongcheng.likePattern())).as("someone else of the same scope").isEmpty();
	}

	/**
	 * A checkout by the caller a connection already carries costs no round trip (issue 16) — so a pooled connection
	 * taken in turn by two people and the platform, and also in a transaction that rolls back, must carry each time
	 * the scope of whoever takes it now, never the one before.
	 */
	@Test
	void aReusedConnectionCarriesTheScopeOfWhoeverTakesItNow() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		DataScope dongcheng = scopeOf(jdbc, "东城社区");
		DataScope district = scopeOf(jdbc, "巴南区");
		TransactionTemplate rolledBack = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		Map<Integer, Set<String>> scopesOfBackend = new HashMap<>();
		List<DataScope> turns = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			turns.add(i % 3 == 0 ? dongcheng : i % 3 == 1 ? district : null);
		}
		for (DataScope turn : turns) {
			for (boolean inTransaction : new boolean[] { false, false, true }) {
				if (turn == null) {
					SecurityContextHolder.clearContext();
				}
				else {
					signIn(turn);
				}
				String expected = turn == null ? "" : turn.likePattern();
				String sql = "SELECT pg_backend_pid() || ' ' || current_setting('zhizhi.scope', true)";
				String row = inTransaction ? rolledBack.execute(status -> {
					status.setRollbackOnly();
					return jdbc.queryForObject(sql, String.class);
				}) : jdbc.queryForObject(sql, String.class);
				String[] pidAndScope = row.split(" ", 2);
				assertThat(pidAndScope.length > 1 ? pidAndScope[1] : "").as("the scope of whoever takes it now")
					.isEqualTo(expected);
				scopesOfBackend.computeIfAbsent(Integer.parseInt(pidAndScope[0]), pid -> new HashSet<>()).add(expected);
			}
		}
		assertThat(scopesOfBackend.values()).as("a connection was taken by more than one caller")
			.anyMatch(scopes -> scopes.size() > 1);
	}

	private static DataScope scopeOf(JdbcTemplate jdbc, String name) {
		Map<String, Object> row = jdbc.queryForMap("SELECT id, path FROM territory.org_unit WHERE name = ?", name);
		return new DataScope((UUID) row.get("id"), (String) row.get("path"));
	}

	private static void signIn(DataScope scope) {
		Actor actor = new Actor(UUID.randomUUID(), "it-rls", "测试", Set.of(Role.COMMUNITY_STAFF), scope);
		SecurityContextHolder.getContext().setAuthentication(
				new UsernamePasswordAuthenticationToken(actor, null, java.util.List.of()));
	}
}
