package org.zhizhi.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * A month's points of a scope ({@link PointsMonths#month}): what our own people earned in it by the rule that fills
 * the boards, what they redeemed and the sponsor confirmed — not the month before, not a person of another scope, and
 * nothing for a caller who is not the points desk.
 */
@ZhizhiIntegrationTest
class PointsMonthIntegrationTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	PointsMonths months;

	@Autowired
	PointsManagement management;

	@Autowired
	PointsEarning earning;

	@Autowired
	PointsQueries queries;

	@Autowired
	Redemptions redemptions;

	@Autowired
	JdbcSchemes schemes;

	@Autowired
	TestClock clock;

	@Test
	void aCommunitysMonthCountsItsPeoplesEarningsAndConfirmedRedemptionsOnly() {
		Scheme virtue = schemes.byCode("virtue-500113101001").orElseThrow();
		Scheme member = schemes.byCode("member-500113000000").orElseThrow();
		Actor district = new Actor(UUID.randomUUID(), "banan", "巴南区治理中心", Set.of(Role.DISTRICT_ADMIN),
				new DataScope(member.orgUnitId(), member.scopePath()));
		Actor community = new Actor(UUID.randomUUID(), "desk", "社区", Set.of(Role.COMMUNITY_STAFF),
				new DataScope(virtue.orgUnitId(), virtue.scopePath()));
		LocalDate today = clock.today();
		Instant juneFrom = today.withDayOfMonth(1).atStartOfDay(SHANGHAI).toInstant();
		Instant juneTo = today.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
		PointsMonth before = months.month(community, juneFrom, juneTo);
		PointsMonth districtBefore = months.month(district, juneFrom, juneTo);

		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Rule kindness = management.addRule(district, virtue.id(), new PointsCommands.NewRule("rpt-" + suffix,
				"月报核对睦邻 " + suffix, Dimension.NEIGHBOURS, RuleSource.CLAIM, 400, null, null, today.minusDays(40)));
		Rule patrol = management.addRule(district, member.id(), new PointsCommands.NewRule("rpm-" + suffix,
				"月报核对巡查 " + suffix, null, RuleSource.CLAIM, 5, null, null, today.minusDays(40)));
		Holder neighbour = new Holder(UUID.randomUUID(), "测试居民", virtue.scopePath(), virtue.districtId());
		// the district's own path: a person of the district, not of the community
		Holder elsewhere = new Holder(UUID.randomUUID(), "测试党员", member.scopePath(), member.districtId());
		earning.earn(virtue, kindness, neighbour, "test:" + UUID.randomUUID(), kindness.name(), clock.instant(), null,
				null);
		earning.earn(virtue, kindness, neighbour, "test:" + UUID.randomUUID(), kindness.name(),
				clock.instant().minusSeconds(3600), null, null);
		// the month before: not June's
		earning.earn(virtue, kindness, neighbour, "test:" + UUID.randomUUID(), kindness.name(),
				juneFrom.minusSeconds(86_400 * 5), null, null);
		earning.earn(member, patrol, elsewhere, "test:" + UUID.randomUUID(), patrol.name(), clock.instant(), null,
				null);

		// he redeems a detergent (15) and the sponsor confirms it with his code: spent in June
		Reward detergent = queries.rewards(virtue.id())
			.stream()
			.filter(r -> r.name().equals("洗衣液一桶"))
			.findFirst()
			.orElseThrow();
		Redemption held = redemptions.redeem(new Actor(neighbour.id(), "ceshi", "测试居民", Set.of(Role.RESIDENT),
				new DataScope(virtue.orgUnitId(), virtue.scopePath())), detergent.id());
		ApiClient api = new ApiClient(port);
		ApiClient.Response confirmed = api.post("/api/v1/points/redemptions/confirmation",
				api.login("shangjia01", ApiClient.DEMO_PASSWORD), Map.of("code", held.code()));
		assertThat(confirmed.status()).as(confirmed.brief()).isEqualTo(200);

		PointsMonth after = months.month(community, juneFrom, juneTo);
		assertThat(kind(after, SchemeKind.VIRTUE).earned() - kind(before, SchemeKind.VIRTUE).earned())
			.as("two earnings of June, not May's").isEqualTo(800);
		assertThat(kind(after, SchemeKind.VIRTUE).earners() - kind(before, SchemeKind.VIRTUE).earners()).isEqualTo(1);
		assertThat(kind(after, SchemeKind.VIRTUE).spent() - kind(before, SchemeKind.VIRTUE).spent())
			.isEqualTo(detergent.price());
		assertThat(kind(after, SchemeKind.MEMBER).earned()).as("the district's person is not the community's")
			.isEqualTo(kind(before, SchemeKind.MEMBER).earned());
		assertThat(after.reasons()).contains(new PointsMonth.Reason(kindness.name(), 800, 2));

		PointsMonth districtAfter = months.month(district, juneFrom, juneTo);
		assertThat(kind(districtAfter, SchemeKind.MEMBER).earned() - kind(districtBefore, SchemeKind.MEMBER).earned())
			.isEqualTo(5);
		assertThat(districtAfter.earned() - districtBefore.earned()).isEqualTo(805);

		Instant mayFrom = juneFrom.atZone(SHANGHAI).minusMonths(1).toInstant();
		assertThat(months.month(community, mayFrom, juneFrom).reasons())
			.contains(new PointsMonth.Reason(kindness.name(), 400, 1));
	}

	@Test
	void aCallerWhoIsNotThePointsDeskIsRefused() {
		Scheme virtue = schemes.byCode("virtue-500113101001").orElseThrow();
		Actor grid = new Actor(UUID.randomUUID(), "grid", "网格员", Set.of(Role.GRID_WORKER, Role.PARTY_MEMBER),
				new DataScope(virtue.orgUnitId(), virtue.scopePath()));
		assertThatThrownBy(() -> months.month(grid, clock.instant().minusSeconds(86_400), clock.instant()))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.category()).isEqualTo(DomainException.Category.FORBIDDEN));
	}

	private static PointsMonth.ByKind kind(PointsMonth month, SchemeKind kind) {
		return month.kinds()
			.stream()
			.filter(k -> k.kind() == kind)
			.findFirst()
			.orElse(new PointsMonth.ByKind(kind, 0, 0, 0));
	}
}
