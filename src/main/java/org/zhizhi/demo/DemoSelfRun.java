package org.zhizhi.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.deliberation.DeliberationQueries;
import org.zhizhi.deliberation.TopicSummary;
import org.zhizhi.people.HouseholdUnit;
import org.zhizhi.property.FeeBill;
import org.zhizhi.property.SelfRun;
import org.zhizhi.property.SelfRunHistory;
import org.zhizhi.property.SelfRunKind;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.PlaceQueries;

/**
 * 新河街's self-management (seed 001): the 380 households pay ¥10 a month for 2 cleaners, as the residents decided
 * (the deliberation topic 聘请保洁员，每户每月10元), the guardians of the 12 buildings collect it — shouhu01 for the
 * first — and the group pays the cleaners' wages and buys materials; every month since the decision is billed, nearly
 * all paid, two households in arrears, one exempted (低保), one building short one month (flagged), this month still
 * being collected. And 走马梁's 社区自管中心 over 走马二村 with the service list of seed 003 (6 classes, 23 basic services,
 * 5 value-added ones).
 */
final class DemoSelfRun {

	/** The cleaners' monthly wage (the seeds give none: ours). */
	static final long WAGE_CENTS = 1_700_00;

	/** Households of this month still to pay when the demo loads: the guardians are collecting. */
	static final int STILL_TO_PAY = 12;

	private DemoSelfRun() {
	}

	static SelfRun load(SelfRunHistory history, DeliberationQueries topics, PlaceQueries places,
			Map<String, DataScope> scopes, Map<String, UUID> accounts, Instant now, ZoneId zone) {
		DataScope xiaxinxin = scopes.get("xiaxinxin");
		Estate xinhe = estate(places, xiaxinxin, "新河街");
		SelfRun group = history.create(xiaxinxin, xinhe, "新河街居民自管小组", SelfRunKind.GROUP, 80,
				now.minus(Duration.ofDays(120)));
		List<SelfRun.Building> uncovered = history.buildings(group);
		for (int b = 0; b < uncovered.size(); b++) {
			history.guardian(group, uncovered.get(b), b == 0 ? accounts.get("shouhu01") : named("guardian:" + b),
					b == 0 ? "周守护" : DemoVolunteer.NAMES[(b * 7 + 3) % DemoVolunteer.NAMES.length]);
		}
		List<SelfRun.Building> buildings = history.buildings(group);
		history.services(group, List.of(new SelfRun.Service("保洁", "楼道清扫", "保洁员 2 名", "12 栋楼道每日清扫一次", false),
				new SelfRun.Service("保洁", "院坝清扫、垃圾清运", "保洁员 2 名", "每日清扫，垃圾日产日清", false),
				new SelfRun.Service("秩序", "楼栋守护", "守护楼员 12 名", "每月巡查楼道消防通道、电动车停放", false),
				new SelfRun.Service("公示", "收支公示", "新河街居民自管小组", "每月在楼栋公示栏和楼栋群公示收支", false)));

		// the fee the residents decided, from the month after the vote closed
		Actor desk = new Actor(new UUID(0, 0), "demo", "下新新社区", Set.of(Role.COMMUNITY_STAFF), xiaxinxin);
		TopicSummary topic = topics.topics(desk, List.of())
			.stream()
			.filter(t -> t.title().equals("聘请保洁员，每户每月10元"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo topic missing: 聘请保洁员"));
		LocalDate decided = LocalDate.ofInstant(topic.raisedAt().plus(Duration.ofDays(55)), zone);
		YearMonth from = YearMonth.from(decided).plusMonths(1);
		history.schedule(group, new SelfRun.Schedule(10_00, from.atDay(1), topic.id(), decided, "居民议事：每户每月 10 元保洁费"));

		List<HouseholdUnit> households = history.households(group);
		YearMonth current = YearMonth.from(now.atZone(zone));
		YearMonth flaggedMonth = current.minusMonths(1).isBefore(from) ? null : current.minusMonths(1);
		for (YearMonth m = from; !m.isAfter(current); m = m.plusMonths(1)) {
			List<FeeBill> bills = history.bill(group, m, 10_00, households);
			Instant wages = m.atDay(1).atTime(10, 0).atZone(zone).toInstant();
			for (int c = 1; c <= 2; c++) {
				history.spent(group, m, WAGE_CENTS, m.getMonthValue() + " 月保洁员工资（第 " + c + " 名）",
						"XH-" + m.toString().replace("-", "") + "-0" + c, wages, new UUID(0, 0), "新河街居民自管小组");
			}
			if (m.getMonthValue() % 3 == 0) {
				history.spent(group, m, 260_00, "扫帚、垃圾袋等保洁用品", "XH-" + m.toString().replace("-", "") + "-03",
						wages, new UUID(0, 0), "新河街居民自管小组");
			}
			int stillToPay = m.equals(current) ? STILL_TO_PAY : 0;
			for (int i = 0; i < bills.size(); i++) {
				FeeBill bill = bills.get(i);
				SelfRun.Building building = buildings.stream()
					.filter(b -> b.buildingId().equals(bill.buildingId()))
					.findFirst()
					.orElseThrow();
				boolean arrears = i == 17 || i == 211;
				boolean shortBuilding = m.equals(flaggedMonth) && building.equals(buildings.get(6)) && i % 3 == 0;
				if (i == 97) {
					history.exempted(bill, wages, new UUID(0, 0), "新河街居民自管小组", "低保户，小组议定免缴");
				}
				else if (!arrears && !shortBuilding && i >= stillToPay) {
					Instant paid = m.atDay(1 + i % 9).atTime(19, 0).atZone(zone).toInstant();
					history.paid(group, bill, paid.isAfter(now) ? now.minus(Duration.ofMinutes(bills.size() - i)) : paid,
							building.guardianId(), building.guardianName());
				}
			}
		}

		// 走马梁's 社区自管中心 over 走马二村: the service list of seed 003, no fees kept here
		Estate zouma = estate(places, scopes.get("zoumaliang"), "走马二村");
		SelfRun centre = history.create(scopes.get("zoumaliang"), zouma, "走马梁社区自管中心", SelfRunKind.CENTRE, 80,
				now.minus(Duration.ofDays(300)));
		history.services(centre, DemoSelfRunServices.CENTRE_LIST);
		return group;
	}

	private static Estate estate(PlaceQueries places, DataScope scope, String name) {
		return places.estates(scope, name, null)
			.stream()
			.filter(e -> e.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo estate missing: " + name));
	}

	private static UUID named(String key) {
		return UUID.nameUUIDFromBytes(("zhizhi-demo-self-run:" + key).getBytes(StandardCharsets.UTF_8));
	}
}
