package org.zhizhi.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.Installation;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The whistle's forces on the ground read in one statement for all the area's grids: over every grid of 东城社区's
 * street (the demo's, plus party members bound to micro-grids made here) the grid team, the party members and the
 * partner units' liaisons are exactly those — in the same order — that reading the accounts below each grid one grid
 * at a time found before; and the accounts are read twice per force (who covers the grids, who is bound below them),
 * the grids and the names of the accounts' nodes once, whether the area holds one grid or the whole street's.
 */
@ZhizhiIntegrationTest
class EmergencyForcesIntegrationTests {

	private static final List<EmergencyForce> ACCOUNT_FORCES = List.of(EmergencyForce.GRID_TEAM,
			EmergencyForce.PARTY_MEMBERS, EmergencyForce.PARTNER_UNITS);

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	EmergencyForces forces;

	@Autowired
	EmergencyWhistles whistles;

	@Autowired
	AccountQueries accounts;

	@Autowired
	OrgUnitQueries orgUnits;

	@Autowired
	Installation installation;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void oneQueryForAllGridsCallsWhatTheGridByGridReadingCalled() {
		OrgUnit street = street();
		List<OrgUnit> grids = grids(street);
		assertThat(grids).as("the street's grids").hasSizeGreaterThan(3);
		// members bound below grids 1 and 2 (their micro-grids; a grid worker is bound to his grid itself): found only
		// by the reading below the grids; a resident there is no force
		String desk = api.tokenOf("dongcheng");
		UUID micro1 = microGridOf(api.orgUnitId("东城社区第1网格"));
		UUID micro2 = microGridOf(api.orgUnitId("东城社区第2网格"));
		String member1 = api.createAccount(desk, ApiClient.newAccount(ApiClient.uniqueUsername("it-fo-mg1"),
				"PARTY_MEMBER", micro1, null)).path("id").asString();
		String member2 = api.createAccount(desk, ApiClient.newAccount(ApiClient.uniqueUsername("it-fo-mg2"),
				"PARTY_MEMBER", micro2, null)).path("id").asString();
		String resident = api.createAccount(desk, ApiClient.newAccount(ApiClient.uniqueUsername("it-fo-res"),
				"RESIDENT", micro1, null)).path("id").asString();
		UUID leader = UUID.fromString(EmergencyRequests.accountId(api, "dongcheng-g01"));

		for (EmergencyForce force : ACCOUNT_FORCES) {
			List<UUID> called = forces.of(street.scope(), grids, List.of(force), leader, clock.instant())
				.called()
				.stream()
				.map(EmergencyForces.Called::accountId)
				.toList();
			assertThat(called).as(force.name()).isNotEmpty().containsExactlyElementsOf(gridByGrid(grids, force, leader));
		}
		assertThat(ids(street, grids, EmergencyForce.PARTY_MEMBERS, leader))
			.contains(UUID.fromString(member1), UUID.fromString(member2))
			.doesNotContain(UUID.fromString(resident));
		assertThat(ids(street, grids, EmergencyForce.GRID_TEAM, leader)).doesNotContain(leader);
		// the data scope holds: a scope of grid 3 alone finds nobody below grids 1 and 2
		OrgUnit grid3 = orgUnits.find(installation.whole(), api.orgUnitId("东城社区第3网格")).orElseThrow();
		assertThat(accounts.belowEach(grid3.scope(), grids.stream().map(OrgUnit::path).toList(),
				Set.of(Role.PARTY_MEMBER)).values().stream().flatMap(List::stream).map(Account::id))
			.doesNotContain(UUID.fromString(member1), UUID.fromString(member2));
	}

	@Test
	void accountsAreReadTwicePerForceWhateverTheNumberOfGrids() {
		OrgUnit street = street();
		List<OrgUnit> grids = grids(street);
		UUID leader = UUID.randomUUID();
		for (EmergencyForce force : ACCOUNT_FORCES) {
			for (List<OrgUnit> area : List.of(grids.subList(0, 1), grids)) {
				Statements read = Statements.during(() -> forces.of(street.scope(), area, List.of(force), leader,
						clock.instant()));
				// who covers the grids may be known from memory (JdbcAccounts keeps it): once or twice, never per grid
				assertThat(read.on("identity.account")).as(force + " over " + area.size() + " grids").isBetween(1, 2);
			}
		}
		// the preview reads the grids once and, per force, the accounts at most twice and their nodes' names once,
		// over one grid as over the street's: only the 志愿岗位's holders are still looked up one by one
		Actor desk = new Actor(leader, "it-forces", "测试", Set.of(Role.STREET_STAFF), street.scope());
		List<UUID> gridIds = grids.stream().map(OrgUnit::id).toList();
		Statements one = Statements.during(() -> whistles.preview(desk, gridIds.subList(0, 1), null));
		Statements preview = Statements.during(() -> whistles.preview(desk, gridIds, null));
		for (Statements read : List.of(one, preview)) {
			assertThat(read.on("territory.org_unit")).isBetween(1, 1 + ACCOUNT_FORCES.size());
			assertThat(read.sql().stream().filter(s -> s.contains("identity.account") && !s.contains("WHERE id =")))
				.hasSizeBetween(ACCOUNT_FORCES.size(), 2 * ACCOUNT_FORCES.size());
		}
		// the figure of docs/emergency-whistle.md, beside what the grid-by-grid reading of the accounts cost
		int gridByGrid = 0;
		for (EmergencyForce force : ACCOUNT_FORCES) {
			gridByGrid += Statements.during(() -> gridByGrid(grids, force, leader)).on("identity.account");
		}
		System.out.printf("emergency preview over %d grids: %d statements (%d on territory.org_unit, %d on"
				+ " identity.account); over 1 grid: %d; grid by grid the accounts alone took %d%n", grids.size(),
				preview.all(), preview.on("territory.org_unit"), preview.on("identity.account"), one.all(), gridByGrid);
		assertThat(gridByGrid).isGreaterThan(2 * ACCOUNT_FORCES.size());
	}

	/** The reading this replaced: who covers each grid, then each grid's accounts below it page by page. */
	private List<UUID> gridByGrid(List<OrgUnit> grids, EmergencyForce force, UUID leader) {
		Role role = switch (force) {
			case GRID_TEAM -> Role.GRID_WORKER;
			case PARTY_MEMBERS -> Role.PARTY_MEMBER;
			default -> Role.PARTNER_LIAISON;
		};
		Map<UUID, Account> found = new LinkedHashMap<>();
		Map<String, List<Account>> covering = accounts.coveringEach(grids.stream().map(OrgUnit::path).toList(),
				Set.of(role));
		for (OrgUnit grid : grids) {
			String nearest = EmergencyForces.parent(role == Role.PARTNER_LIAISON
					? EmergencyForces.parent(grid.path()) : grid.path());
			covering.get(grid.path())
				.stream()
				.filter(a -> a.scopePath().length() >= nearest.length())
				.forEach(a -> found.putIfAbsent(a.id(), a));
			for (int page = 0; page < 10; page++) {
				List<Account> some = accounts.list(new DataScope(grid.id(), grid.path()), null, page);
				some.stream()
					.limit(AccountQueries.PAGE_SIZE)
					.filter(a -> a.enabled() && a.roles().contains(role) && !a.scopePath().equals(grid.path()))
					.forEach(a -> found.putIfAbsent(a.id(), a));
				if (some.size() <= AccountQueries.PAGE_SIZE) {
					break;
				}
			}
		}
		return found.keySet().stream().filter(id -> !id.equals(leader)).toList();
	}

	private List<UUID> ids(OrgUnit street, List<OrgUnit> grids, EmergencyForce force, UUID leader) {
		return forces.of(street.scope(), grids, List.of(force), leader, clock.instant())
			.called()
			.stream()
			.map(EmergencyForces.Called::accountId)
			.toList();
	}

	private OrgUnit street() {
		OrgUnit community = orgUnits.find(installation.whole(), api.orgUnitId("东城社区")).orElseThrow();
		return orgUnits.find(installation.whole(), community.parentId()).orElseThrow();
	}

	/** The street's grids, at most as many as a whistle takes. */
	private List<OrgUnit> grids(OrgUnit street) {
		return orgUnits.list(street.scope(), new OrgUnitFilter(null, null, OrgLevel.GRID))
			.stream()
			.limit(EmergencyCommands.MAX_GRIDS)
			.toList();
	}

	private UUID microGridOf(UUID gridId) {
		return orgUnits.list(installation.whole(), OrgUnitFilter.childrenOf(gridId)).getFirst().id();
	}

	/** The SQL statements Spring's JDBC runs on this thread while the work runs, from its own debug log. */
	private record Statements(List<String> sql) {

		static Statements during(Supplier<?> work) {
			Logger logger = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
			Level was = logger.getLevel();
			ListAppender<ILoggingEvent> log = new ListAppender<>();
			log.start();
			logger.addAppender(log);
			logger.setLevel(Level.DEBUG);
			String thread = Thread.currentThread().getName();
			try {
				work.get();
			}
			finally {
				logger.setLevel(was);
				logger.detachAppender(log);
			}
			List<String> sql = new ArrayList<>();
			for (ILoggingEvent event : log.list) {
				if (event.getThreadName().equals(thread)
						&& event.getFormattedMessage().startsWith("Executing prepared SQL statement")) {
					sql.add(event.getFormattedMessage());
				}
			}
			return new Statements(sql);
		}

		int all() {
			return sql.size();
		}

		int on(String table) {
			return (int) sql.stream().filter(s -> s.contains(table)).count();
		}
	}
}
