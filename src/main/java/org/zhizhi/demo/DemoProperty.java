package org.zhizhi.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.zhizhi.property.CommitteePosition;
import org.zhizhi.property.Inspections;
import org.zhizhi.property.PartyOrg;
import org.zhizhi.property.PropertyCommands.RecordFinding;
import org.zhizhi.property.PropertyCommands.StartInspection;
import org.zhizhi.property.PropertyHistory;
import org.zhizhi.property.PropertyViews.CommitteeMember;
import org.zhizhi.property.PropertyViews.Company;
import org.zhizhi.property.PropertyViews.Contract;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.Building;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.PlaceQueries;

/**
 * Property supervision (issue 14, seeds 003 and 004). 巴南's figures as the report states them — 64 firms with their own
 * party organisation, 98 covered by a party instructor or party-member staff, 6 rated 红岩先锋物业, 100+ 红色管家 — are
 * stored as the district's figures; the platform holds a sample of eight 巴南 firms (names ours), six of them rated
 * 红岩先锋物业 last year, one managing 钱佳花园. 华城国际 (金鹤社区, 南岸区) is managed by a rated company with its
 * 红色管家 and a red owners' committee, inspected every month for the past eleven months by 环物小组's inspector
 * (wuye-jianguan), and this month's inspection, done through the live commands, raised a rectification that is in
 * progress in the whistle loop.
 */
final class DemoProperty {

	private record SampleFirm(String code, String name, String licence, PartyOrg party, String score, boolean titled) {
	}

	private static final List<SampleFirm> BANAN = List.of(
			new SampleFirm("wy-banan-01", "重庆渝巴物业服务有限公司", "91500113DEMO00001", PartyOrg.OWN_BRANCH, "96.2", true),
			new SampleFirm("wy-banan-02", "重庆龙洲湾物业管理有限公司", "91500113DEMO00002", PartyOrg.OWN_BRANCH, "94.8", true),
			new SampleFirm("wy-banan-03", "重庆鱼洞物业服务有限公司", "91500113DEMO00003", PartyOrg.OWN_BRANCH, "93.5", true),
			new SampleFirm("wy-banan-04", "重庆界石物业管理有限公司", "91500113DEMO00004", PartyOrg.INSTRUCTOR, "92.1", true),
			new SampleFirm("wy-banan-05", "重庆木洞物业服务有限公司", "91500113DEMO00005", PartyOrg.OWN_BRANCH, "91.6", true),
			new SampleFirm("wy-banan-06", "重庆李家沱物业管理有限公司", "91500113DEMO00006", PartyOrg.MEMBER_STAFF, "90.4", true),
			new SampleFirm("wy-banan-07", "重庆南泉物业服务有限公司", "91500113DEMO00007", PartyOrg.INSTRUCTOR, "84.0", false),
			new SampleFirm("wy-banan-08", "重庆花溪物业管理有限公司", "91500113DEMO00008", PartyOrg.NONE, "72.5", false));

	/** This year's findings of 华城国际's monthly inspections, month by month (criterion, what was found). */
	private static final List<List<String[]>> HUACHENG_FINDINGS = List.of(
			List.<String[]>of(new String[] { "B02", "垃圾桶满溢未及时清运" }),
			List.<String[]>of(),
			List.<String[]>of(new String[] { "B09", "地下车库电动车充电区线路杂乱" }, new String[] { "A08", "红色管家公示栏未更新" }),
			List.<String[]>of(new String[] { "B03", "2栋旁绿地黄土裸露" }),
			List.<String[]>of(),
			List.<String[]>of(new String[] { "B05", "1栋消防通道堆放杂物" }),
			List.<String[]>of(),
			List.<String[]>of(new String[] { "B07", "小区主干道路灯2盏不亮" }),
			List.<String[]>of(),
			List.<String[]>of(new String[] { "B01", "地下车库卫生死角" }),
			List.<String[]>of());

	private DemoProperty() {
	}

	/** Loads it all; answers how many companies the platform holds. */
	static int load(PropertyHistory history, Inspections inspections, PlaceQueries places,
			Function<UUID, OrgUnit> nodes, Map<String, UUID> ids, DataScope whole, Map<String, UUID> accountIds,
			Instant now, ZoneId zone) {
		OrgUnit banan = nodes.apply(ids.get("banan"));
		OrgUnit nanan = nodes.apply(ids.get("nanan"));
		String source = "巴南区“党建+”四种模式（种子材料003）";
		history.figure(banan, "OWN_PARTY_ORG", 64, source);
		history.figure(banan, "COVERED_BY_INSTRUCTOR_OR_MEMBERS", 98, source);
		history.figure(banan, "RED_ROCK_TITLED", 6, source);
		history.figure(banan, "RED_STEWARDS", 100, source + "：100余名");
		history.figure(banan, "PARTY_SERVICE_STATIONS", 30, source + "：30余个");
		LocalDate today = LocalDate.ofInstant(now, zone);
		int lastYear = today.getYear() - 1;
		Instant ratedAt = LocalDate.of(today.getYear(), 1, 20).atTime(10, 0).atZone(zone).toInstant();
		UUID inspector = accountIds.get("wuye-jianguan");
		List<Company> companies = new ArrayList<>();
		for (SampleFirm f : BANAN) {
			Company c = history.company(banan, f.code(), f.name(), f.licence(), null, null, f.party(), List.of());
			history.rating(c, lastYear, new BigDecimal(f.score()), f.titled(), inspector,
					ratedAt.isAfter(now) ? now : ratedAt);
			companies.add(c);
		}
		Estate qianjia = estate(places, whole, "钱佳花园");
		double[] qianjiaAt = position(places, whole, qianjia);
		history.contract(companies.getFirst(), qianjia, LocalDate.of(lastYear - 2, 1, 1),
				LocalDate.of(today.getYear() + 2, 12, 31), qianjiaAt[0], qianjiaAt[1]);
		history.steward(companies.getFirst(), qianjia.id(), "王红管", "红色管家（客服主管）", true);

		// ---- 华城国际 (seed 004): 641 households in two buildings, 37 party members with their own branch
		Company jinhe = history.company(nanan, "wy-jinhe-huacheng", "重庆金鹤物业服务有限公司", "91500108DEMO00001",
				"刘经理", "023-62880000", PartyOrg.INSTRUCTOR, List.of(accountIds.get("wuye-huacheng")));
		history.rating(jinhe, lastYear, new BigDecimal("86.5"), false, inspector,
				ratedAt.isAfter(now) ? now : ratedAt);
		Estate huacheng = estate(places, whole, "华城国际");
		double[] at = position(places, whole, huacheng);
		Contract contract = history.contract(jinhe, huacheng, LocalDate.of(lastYear - 1, 7, 1),
				LocalDate.of(today.getYear() + 2, 6, 30), at[0], at[1]);
		history.steward(jinhe, huacheng.id(), "陈管家", "红色管家（1栋）", true);
		history.steward(jinhe, huacheng.id(), "周管家", "红色管家（2栋）", false);
		history.committee(huacheng, LocalDate.of(lastYear - 1, 9, 1), LocalDate.of(lastYear + 4, 8, 31),
				List.of(new CommitteeMember("李主任", CommitteePosition.CHAIR, true),
						new CommitteeMember("张副主任", CommitteePosition.VICE_CHAIR, true),
						new CommitteeMember("王委员", CommitteePosition.MEMBER, true),
						new CommitteeMember("赵委员", CommitteePosition.MEMBER, false),
						new CommitteeMember("钱委员", CommitteePosition.MEMBER, false)));
		// the eleven months before this one, on the 8th at 10:00
		for (int m = HUACHENG_FINDINGS.size(); m >= 1; m--) {
			Instant when = today.withDayOfMonth(8).minusMonths(m).atTime(10, 0).atZone(zone).toInstant();
			history.inspection(contract, inspector, "环物小组监管员", when,
					HUACHENG_FINDINGS.get(HUACHENG_FINDINGS.size() - m));
		}
		// this month's, through the live commands: a finding in 1栋's stairwell becomes a rectification in the loop
		Actor jianguan = new Actor(inspector, "wuye-jianguan", "环物小组监管员", Set.of(Role.PROPERTY_INSPECTOR), whole);
		var started = inspections.start(jianguan, new StartInspection(jinhe.id(), huacheng.id(), at[0], at[1]));
		inspections.recordFinding(jianguan, started.id(),
				new RecordFinding("B01", "1栋楼道堆放纸箱等杂物，影响通行", at[0], at[1]), null);
		inspections.submit(jianguan, started.id());
		return companies.size() + 1;
	}

	private static Estate estate(PlaceQueries places, DataScope whole, String name) {
		return places.estates(whole, name, null).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
	}

	private static double[] position(PlaceQueries places, DataScope whole, Estate estate) {
		return places.buildingsOfEstate(whole, estate.id()).stream()
			.map(BuildingOverview::building)
			.filter(b -> b.lat() != null)
			.findFirst()
			.map((Building b) -> new double[] { b.lat(), b.lng() })
			.orElseThrow();
	}
}
