package org.zhizhi.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.party.PartyMember;
import org.zhizhi.party.PartyOrg;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.points.PointsClaimCommands.ClaimDeed;
import org.zhizhi.points.PointsClaimCommands.Reason;
import org.zhizhi.points.Holder;
import org.zhizhi.points.PointsClaim;
import org.zhizhi.points.PointsClaims;
import org.zhizhi.points.PointsHistory;
import org.zhizhi.points.Reward;
import org.zhizhi.points.Sponsor;

import org.zhizhi.points.Dimension;
import org.zhizhi.points.PointsCommands.NewRule;
import org.zhizhi.points.PointsCommands.NewScheme;
import org.zhizhi.points.PointsManagement;
import org.zhizhi.points.RuleSource;
import org.zhizhi.points.Scheme;
import org.zhizhi.points.SchemeKind;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;

/**
 * The seeds' points schemes, set up through the desk's own commands: 巴南区's 党员积分 (members earn by wishes fulfilled,
 * orders handled, their 双报到 service, volunteer hours and pairing visits), 东城社区's 道德积分银行 (003: items in
 * 修身、润家、睦邻、怡城, a pairing visit among 睦邻's), and 龙锦社区's
 * 先锋骑士积分 (001: riders earn by confirmed 随手报 and volunteer service). Their rules hold from a year before the
 * demo's day, so whatever day the demo starts on they are in force.
 */
final class DemoPoints {

	/** The schemes by kind, for the rest of the demo's points. */
	record Schemes(Scheme members, Scheme virtue, Scheme riders) {
	}

	private DemoPoints() {
	}

	static Schemes loadSchemes(PointsManagement points, Map<String, UUID> ids, Map<String, DataScope> scopes,
			DataScope whole, Instant now, ZoneId zone) {
		LocalDate from = LocalDate.ofInstant(now, zone).minusYears(1).withDayOfMonth(1);
		Actor district = desk("巴南区治理中心", Role.DISTRICT_ADMIN, scopes.get("banan"));
		Scheme members = points.createScheme(district, new NewScheme(SchemeKind.MEMBER, "巴南区党员积分", ids.get("banan"),
				BigDecimal.ONE, null, 7));
		rule(points, district, members, "wish", "完成微心愿", null, RuleSource.WISH_FULFILLED, 5, null, 50, from);
		rule(points, district, members, "order", "接单办结", null, RuleSource.INCIDENT_RESOLVED, 3, 15, null, from);
		rule(points, district, members, "report-in", "双报到服务", null, RuleSource.CLAIM, 5, 10, 40, from);
		rule(points, district, members, "hours", "志愿服务（每小时）", null, RuleSource.HOURS, 2, 16, null, from);
		// a visit of a pairing (结对帮扶): two visits' worth a day at most
		rule(points, district, members, "visit", "结对帮扶走访", null, RuleSource.VISIT, 3, 6, null, from);
		// 三会一课 and 主题党日: each meeting attended, two meetings' worth a day at most (a theme day with a lecture)
		rule(points, district, members, "meeting", "参加组织生活（三会一课、主题党日）", null, RuleSource.ATTENDANCE, 2, 4,
				null, from);

		Actor dongcheng = desk("东城社区工作站", Role.COMMUNITY_STAFF, scopes.get("dongcheng"));
		Scheme virtue = points.createScheme(dongcheng, new NewScheme(SchemeKind.VIRTUE, "东城社区道德积分银行",
				ids.get("dongcheng"), BigDecimal.ONE, 24, 7));
		rule(points, dongcheng, virtue, "self-volunteer", "参加志愿服务", Dimension.SELF, RuleSource.CLAIM, 5, 5, 40, from);
		rule(points, dongcheng, virtue, "self-civility", "文明出行、不乱扔垃圾", Dimension.SELF, RuleSource.CLAIM, 2, 2, 20,
				from);
		rule(points, dongcheng, virtue, "family-elders", "孝老爱亲、照顾老人", Dimension.FAMILY, RuleSource.CLAIM, 10, 10, 30,
				from);
		rule(points, dongcheng, virtue, "family-harmony", "家庭和睦、评为最美家庭", Dimension.FAMILY, RuleSource.CLAIM, 20,
				20, 20, from);
		rule(points, dongcheng, virtue, "neighbours-mediate", "调解邻里纠纷", Dimension.NEIGHBOURS, RuleSource.CLAIM, 10,
				10, 40, from);
		rule(points, dongcheng, virtue, "neighbours-stairwell", "保持楼道整洁", Dimension.NEIGHBOURS, RuleSource.CLAIM, 3,
				3, 12, from);
		rule(points, dongcheng, virtue, "neighbours-visit", "结对帮扶走访", Dimension.NEIGHBOURS, RuleSource.VISIT, 3, 6,
				null, from);
		rule(points, dongcheng, virtue, "city-sorting", "垃圾分类做得好", Dimension.CITY, RuleSource.CLAIM, 2, 2, 10, from);
		rule(points, dongcheng, virtue, "city-advice", "文明劝导", Dimension.CITY, RuleSource.CLAIM, 5, 5, 20, from);

		Actor longjin = desk("龙锦社区", Role.COMMUNITY_STAFF, scopes.get("longjin"));
		Scheme riders = points.createScheme(longjin, new NewScheme(SchemeKind.RIDER, "龙锦社区先锋骑士积分",
				ids.get("longjin"), BigDecimal.ONE, null, 7));
		rule(points, longjin, riders, "report", "随手报被受理", null, RuleSource.REPORT_CONFIRMED, 2, 10, null, from);
		rule(points, longjin, riders, "service", "骑士志愿服务", null, RuleSource.CLAIM, 5, 10, 40, from);
		rule(points, longjin, riders, "help", "协助社区工作（送药、寻人、巡查）", null, RuleSource.CLAIM, 5, 10, 40, from);
		rule(points, longjin, riders, "hours", "志愿服务（每小时）", null, RuleSource.HOURS, 2, 16, null, from);
		return new Schemes(members, virtue, riders);
	}

	/** The figures the demo's points reproduce, for the tests that read them back. */
	static final int RIDERS = 32;

	static final int SPONSORS = 18;

	static final int REWARDS = 22;

	static final int RIDER_REDEMPTIONS = 22;

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙",
			"胡", "朱", "高", "林" };

	private static final String[] GIVEN = { "强", "伟", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉",
			"鹏", "华", "飞" };

	private static final String[] SPONSOR_NAMES = { "巴南惠民超市龙洲湾店", "龙洲湾老街面馆", "鑫源理发店", "康宁大药房",
			"小李电动车维修", "好又多便利店", "渝味火锅", "晨光文具", "顺心洗衣", "阳光眼镜店", "百姓鲜果屋", "龙锦社区卫生服务站",
			"美团龙洲湾站点", "蜂鸟骑手之家", "老王修鞋配钥匙", "平安保险巴南支公司", "巴南区图书馆龙洲湾分馆", "青春健身馆" };

	/** 22 gifts and services: name, sponsor (index), price in points, stock. */
	private static final Object[][] REWARD_PLAN = { { "大米 5 公斤", 0, 45, 40 }, { "食用油 1.8 升", 0, 50, 40 },
			{ "牛肉面一碗", 1, 15, 60 }, { "免费理发一次", 2, 20, 50 }, { "家庭常备药包", 3, 40, 30 },
			{ "电动车免费保养一次", 4, 30, 40 }, { "矿泉水一箱", 0, 20, 60 }, { "骑手午餐套餐", 6, 30, 40 },
			{ "笔记本文具套装", 7, 15, 50 }, { "冬季外套免费清洗", 8, 25, 40 }, { "免费验光配镜 8 折券", 9, 20, 30 },
			{ "时令水果一篮", 10, 35, 30 }, { "免费健康体检", 11, 40, 30 }, { "头盔一顶", 12, 45, 30 },
			{ "雨衣一套", 13, 30, 50 }, { "修鞋一次", 14, 10, 60 }, { "意外保险一年", 15, 50, 40 },
			{ "借书证年卡", 16, 10, 50 }, { "健身月卡", 17, 45, 30 }, { "充电宝一个", 12, 40, 30 },
			{ "保温餐箱一个", 13, 50, 20 }, { "洗衣液一桶", 5, 25, 40 } };

	/**
	 * The rest of the seeds' points, on top of the schemes: 龙锦's 32 rider files with a year of points (over 400 times
	 * points were earned: 14 to 16 deeds each), 18 sponsors with 22 gifts and services worth over ¥10,000 and 22 redemptions; the
	 * virtue bank of 东城社区 with claims credited over the year, and today one in every state, one on public notice;
	 * 钱佳花园功能型党支部's members ranked on the district's 党员积分.
	 */
	static void loadHistory(Schemes schemes, PointsHistory history, PointsClaims claims, PartyQueries party,
			org.zhizhi.points.HonourBoards honours, Map<String, UUID> accountIds, Map<String, DataScope> scopes,
			Instant now, ZoneId zone) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		Random random = new Random(20261206L);

		// ---- 先锋骑士: 32 files, qishou01 the first
		Scheme riders = schemes.riders();
		List<Holder> riderFiles = new ArrayList<>();
		riderFiles.add(new Holder(accountIds.get("qishou01"), "刘骑手", scopes.get("longjin-g1").path(),
				DataScope.districtOf(scopes.get("longjin").path())));
		for (int r = 1; r < RIDERS; r++) {
			String name = SURNAMES[r % SURNAMES.length] + GIVEN[(r * 7) % GIVEN.length]
					+ GIVEN[(r * 3 + r / SURNAMES.length * 5) % GIVEN.length];
			riderFiles.add(new Holder(named("rider:" + r), name, scopes.get("longjin").path(),
					DataScope.districtOf(scopes.get("longjin").path())));
		}
		String[] riderRules = { "report", "service", "help" };
		String[] riderReasons = { "随手报被受理", "骑士志愿服务", "协助社区工作" };
		for (int r = 0; r < riderFiles.size(); r++) {
			int deeds = 14 + r % 3;
			for (int d = 0; d < deeds; d++) {
				int kind = (r + d) % 3;
				Instant at = today.minusDays(20 + 21L * d + r % 7).atTime(10 + d % 8, 15).atZone(zone).toInstant();
				history.earned(riders.id(), riderRules[kind], riderFiles.get(r), at, riderReasons[kind],
						"rider:" + r + ":" + d);
			}
		}
		List<Sponsor> sponsors = new ArrayList<>();
		Instant listed = today.minusDays(300).atTime(9, 0).atZone(zone).toInstant();
		for (int s = 0; s < SPONSORS; s++) {
			sponsors.add(history.sponsor(riders.id(), SPONSOR_NAMES[s], "巴南区龙洲湾街道",
					s == 0 ? accountIds.get("shangjia01") : null, listed.plusSeconds(s)));
		}
		List<Reward> rewards = new ArrayList<>();
		for (Object[] plan : REWARD_PLAN) {
			Sponsor sponsor = sponsors.get((int) plan[1]);
			rewards.add(history.reward(sponsor, (String) plan[0], null, (int) plan[2], (int) plan[3],
					today.plusMonths(6), sponsor.name(), listed.plusSeconds(100)));
		}
		for (int n = 0; n < RIDER_REDEMPTIONS; n++) {
			Reward reward = rewards.get(n);
			Holder rider = riderFiles.get((n * 3 + 1) % riderFiles.size());
			Instant held = today.minusDays(15 + 6L * n).atTime(18, 30).atZone(zone).toInstant();
			history.redeemed(reward, rider, held, held.plus(Duration.ofMinutes(20 + n)),
					String.format("%06d", 100000 + random.nextInt(900000)));
		}

		// ---- 东城社区's virtue bank: a year of credited claims, and today's in every state
		Scheme virtue = schemes.virtue();
		DataScope dongcheng = scopes.get("dongcheng");
		UUID deskId = accountIds.get("dongcheng");
		String[][] items = { { "neighbours-stairwell", "清扫单元楼道，整理堆放的纸箱" }, { "family-elders", "照顾独居的对门老人，每周送菜" },
				{ "city-sorting", "垃圾分类定时定点投放，带动邻居" }, { "neighbours-mediate", "调解楼上楼下漏水纠纷" },
				{ "self-volunteer", "参加社区周末卫生大扫除" }, { "city-advice", "劝导电动车不进楼道充电" },
				{ "family-harmony", "家庭被评为社区最美家庭" }, { "self-civility", "文明出行，主动让座" } };
		List<Holder> residents = new ArrayList<>();
		residents.add(account(accountIds, scopes, "jumin01", "张居民", "dongcheng-g1"));
		residents.add(account(accountIds, scopes, "jumin02", "李居民", "dongcheng-g1"));
		residents.add(account(accountIds, scopes, "jumin03", "王居民", "dongcheng-g1"));
		for (int r = 0; r < 37; r++) {
			String name = SURNAMES[(r * 5) % SURNAMES.length] + GIVEN[(r * 3 + 1) % GIVEN.length]
					+ new String[] { "芳", "华", "英", "敏" }[(r + r / SURNAMES.length) % 4];
			String grid = "dongcheng-g" + (1 + r % 15);
			residents.add(new Holder(named("virtue:" + r), name, scopes.get(grid).path(),
					DataScope.districtOf(dongcheng.path())));
		}
		for (int r = 0; r < residents.size(); r++) {
			int deeds = 2 + r % 5;
			for (int d = 0; d < deeds; d++) {
				String[] item = items[(r + d) % items.length];
				LocalDate deedOn = today.minusDays(30 + 37L * d + r % 11);
				history.creditedClaim(virtue.id(), item[0], residents.get(r), deedOn, item[1], deskId, "东城社区工作站");
			}
		}
		Sponsor supermarket = history.sponsor(virtue.id(), "巴南惠民超市界石店", "巴南区界石镇东城路",
				accountIds.get("shangjia01"), listed);
		Sponsor pharmacy = history.sponsor(virtue.id(), "界石康宁药房", "巴南区界石镇东城路", null, listed);
		Reward rice = history.reward(supermarket, "大米 5 公斤", "凭兑换码到店领取", 30, 50, today.plusMonths(6),
				"巴南惠民超市界石店", listed);
		history.reward(supermarket, "洗衣液一桶", "凭兑换码到店领取", 15, 80, today.plusMonths(6), "巴南惠民超市界石店",
				listed);
		history.reward(pharmacy, "免费测血压血糖一次", null, 5, 200, today.plusMonths(6), "界石康宁药房", listed);
		history.reward(pharmacy, "家庭常备药包", null, 25, 40, today.plusMonths(6), "界石康宁药房", listed);
		// six residents whose credited claims come to 30 points and more
		int[] redeemers = { 3, 4, 8, 9, 13, 14 };
		for (int n = 0; n < redeemers.length; n++) {
			Instant held = today.minusDays(10 + 9L * n).atTime(16, 0).atZone(zone).toInstant();
			history.redeemed(rice, residents.get(redeemers[n]), held, held.plus(Duration.ofMinutes(30)),
					String.format("%06d", 100000 + random.nextInt(900000)));
		}
		// today's claims, one in every state the desk works with, by the grid leader's nominations
		Actor leader = new Actor(accountIds.get("dongcheng-g01"), "dongcheng-g01", "李网格长", Set.of(Role.GRID_WORKER),
				scopes.get("dongcheng-g1"));
		Actor desk = new Actor(deskId, "dongcheng", "东城社区工作站", Set.of(Role.COMMUNITY_STAFF), dongcheng);
		Actor neighbour = new Actor(accountIds.get("jumin03"), "jumin03", "王居民", Set.of(Role.RESIDENT),
				scopes.get("dongcheng-g1"));
		UUID jumin02 = accountIds.get("jumin02");
		UUID jumin03 = accountIds.get("jumin03");
		PointsClaim waiting = claims.submit(leader, new ClaimDeed(virtue.id(), "neighbours-stairwell", today,
				"李居民每周打扫 1 单元楼道", jumin02), null);
		PointsClaim onNotice = claims.submit(leader, new ClaimDeed(virtue.id(), "family-elders", today.minusDays(1),
				"王居民照顾对门独居的周婆婆，每天送饭", jumin03), null);
		claims.approve(desk, onNotice.id());
		PointsClaim objected = claims.submit(leader, new ClaimDeed(virtue.id(), "city-advice", today.minusDays(2),
				"李居民劝导电动车不进楼道", jumin02), null);
		claims.approve(desk, objected.id());
		claims.object(neighbour, objected.id(), new Reason("当天劝导的是物业保安，不是李居民"));
		PointsClaim rejected = claims.submit(leader, new ClaimDeed(virtue.id(), "self-volunteer", today.minusDays(3),
				"王居民参加周末大扫除", jumin03), null);
		claims.reject(desk, rejected.id(), new Reason("当天活动签到表上没有王居民"));
		PointsClaim withdrawn = claims.submit(leader, new ClaimDeed(virtue.id(), "city-sorting", today.minusDays(1),
				"李居民垃圾分类做得好", jumin02), null);
		claims.withdraw(leader, withdrawn.id());
		if (waiting.id() == null) {
			throw new IllegalStateException("demo claim not made");
		}
		// the 红榜 of 东城社区 (003: 300+ communities keep a 道德红黑榜)
		honours.add(desk, virtue.id(), new org.zhizhi.points.HonourBoards.NewHonour(org.zhizhi.points.HonourBoard.RED,
				jumin03, "照顾对门独居的周婆婆一年多，每天送饭", null, null));
		honours.add(desk, virtue.id(), new org.zhizhi.points.HonourBoards.NewHonour(org.zhizhi.points.HonourBoard.RED,
				jumin02, "每周打扫 1 单元楼道，带动邻居垃圾分类", null, null));

		// ---- 钱佳花园功能型党支部's members on the district's 党员积分 (000's board)
		Scheme members = schemes.members();
		DataScope jinyinqiao = scopes.get("jinyinqiao");
		Actor mudong = new Actor(accountIds.get("mudong"), "mudong", "金银桥社区工作站", Set.of(Role.COMMUNITY_STAFF),
				jinyinqiao);
		PartyOrg branch = party.orgs(mudong)
			.stream()
			.filter(o -> o.name().equals("钱佳花园功能型党支部"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo branch missing: 钱佳花园功能型党支部"));
		List<PartyMember> branchMembers = party.members(mudong, branch.id(), null);
		String[] memberRules = { "wish", "order", "report-in" };
		String[] memberReasons = { "完成微心愿", "接单办结", "双报到服务" };
		for (int m = 0; m < branchMembers.size(); m++) {
			PartyMember member = branchMembers.get(m);
			Holder holder = new Holder(member.accountId() != null ? member.accountId() : member.id(), member.name(),
					branch.scopePath(), DataScope.districtOf(branch.scopePath()));
			int deeds = 1 + (m * 7) % 9;
			for (int d = 0; d < deeds; d++) {
				int kind = (m + d) % 3;
				Instant at = today.minusDays(10 + 31L * d + m % 13).atTime(15, 0).atZone(zone).toInstant();
				history.earned(members.id(), memberRules[kind], holder, at, memberReasons[kind], "member:" + m + ":" + d);
			}
		}
	}

	private static Holder account(Map<String, UUID> accountIds, Map<String, DataScope> scopes, String username,
			String name, String node) {
		return new Holder(accountIds.get(username), name, scopes.get(node).path(),
				DataScope.districtOf(scopes.get(node).path()));
	}

	/** A person of the paper files who has no account: known by a stable id from his file's key. */
	private static UUID named(String key) {
		return UUID.nameUUIDFromBytes(("zhizhi-demo-points:" + key).getBytes(StandardCharsets.UTF_8));
	}

	private static void rule(PointsManagement points, Actor desk, Scheme scheme, String code, String name,
			Dimension dimension, RuleSource source, int value, Integer daily, Integer monthly, LocalDate from) {
		points.addRule(desk, scheme.id(), new NewRule(code, name, dimension, source, value, daily, monthly, from));
	}

	private static Actor desk(String name, Role role, DataScope scope) {
		return new Actor(new UUID(0, 0), "demo", name, Set.of(role), scope);
	}
}
