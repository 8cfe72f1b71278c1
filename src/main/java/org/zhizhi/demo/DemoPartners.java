package org.zhizhi.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.partnership.ClaimStatus;
import org.zhizhi.partnership.ItemCategory;
import org.zhizhi.partnership.ItemKind;
import org.zhizhi.partnership.Measure;
import org.zhizhi.partnership.PartnerType;
import org.zhizhi.partnership.PartnerUnit;
import org.zhizhi.partnership.PartnershipCommands.NewPartner;
import org.zhizhi.partnership.PartnershipImports;
import org.zhizhi.partnership.PartnershipImports.PastClaim;
import org.zhizhi.shared.PlatformZone;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The partners of seeds 000 and 002: 金银桥社区's co-building units (木洞小学 with its liaison account, 国际生物城小学党支部
 * with its ¥600,000, the 暑期公益课堂 and the completed projects 健康社区, 春蕾圆梦, 道路整修, 污水管网疏通维护, 农产品代销,
 * 金喇叭宣讲) and 东城社区's fifteen "red partners" with the barriers, charging posts and benches they delivered.
 * Dates are relative to the clock, so the demo always shows this year's agreements and rates.
 */
final class DemoPartners {

	private static final ZoneId ZONE = PlatformZone.DEFAULT;

	private DemoPartners() {
	}

	record Counts(int partners, int items) {
	}

	static Counts load(PartnershipImports imports, OrgUnitQueries orgUnits, Map<String, UUID> nodeIds,
			Map<String, UUID> accountIds, Clock clock) {
		LocalDate today = LocalDate.now(clock.withZone(ZONE));
		int year = today.getYear();
		OrgUnit jinyinqiao = orgUnits.bindingOf(nodeIds.get("jinyinqiao")).orElseThrow();
		OrgUnit dongcheng = orgUnits.bindingOf(nodeIds.get("dongcheng")).orElseThrow();
		Map<String, PartnerUnit> units = new HashMap<>();
		double lat = 29.5705;
		double lng = 106.8352;
		Object[][] jyq = {
				{ "木洞小学", PartnerType.SCHOOL, "木洞小学党支部", "木洞镇中坝路12号", 0.004, 0.006, "陈老师", "13908321101", "mudong-school", true },
				{ "国药控股重庆崇恩医药", PartnerType.ENTERPRISE, "国药控股重庆崇恩医药党支部", "巴南区木洞镇工业园", 0.012, -0.01, "刘经理", "13908321102", null, true },
				{ "重庆新希望生物", PartnerType.ENTERPRISE, "重庆新希望生物党支部", "巴南区国际生物城", 0.02, 0.015, "王主任", "13908321103", null, false },
				{ "木洞文旅公司", PartnerType.STATE_OWNED_ENTERPRISE, "木洞文旅公司党支部", "木洞古镇河街", -0.003, 0.002, "张书记", "13908321104", null, true },
				{ "国际生物城小学", PartnerType.SCHOOL, "国际生物城小学党支部", "巴南区国际生物城学府路", 0.018, 0.02, "李校长", "13908321105", null, true },
				{ "木洞镇卫生院", PartnerType.HOSPITAL, "木洞镇卫生院党支部", "木洞镇正街88号", 0.002, -0.003, "赵院长", "13908321106", null, true },
				{ "巴南区木洞派出所", PartnerType.GOVERNMENT_AGENCY, "木洞派出所党支部", "木洞镇滨江路1号", 0.001, 0.004, "周所长", "13908321107", null, true },
				{ "重庆农商行木洞支行", PartnerType.ENTERPRISE, "木洞支行党支部", "木洞镇正街20号", 0.003, 0.001, "吴行长", "13908321108", null, false } };
		for (Object[] p : jyq) {
			add(imports, units, jinyinqiao, p, lat, lng, accountIds, year, today);
		}
		double dlat = 29.4012;
		double dlng = 106.6431;
		String[] dc = { "国网重庆市南供电公司鹿角供电所", "界石镇中心小学", "界石镇卫生院", "重庆公交巴南分公司", "巴南区界石派出所",
				"中国移动界石营业厅", "重庆银行界石支行", "界石农贸市场管理公司", "巴南区消防救援大队界石站", "界石镇敬老院",
				"重庆交通大学志愿服务队", "华润万家界石店", "巴南区图书馆", "重庆燃气巴南分公司", "界石社会工作服务站" };
		PartnerType[] dcTypes = { PartnerType.STATE_OWNED_ENTERPRISE, PartnerType.SCHOOL, PartnerType.HOSPITAL,
				PartnerType.STATE_OWNED_ENTERPRISE, PartnerType.GOVERNMENT_AGENCY, PartnerType.STATE_OWNED_ENTERPRISE,
				PartnerType.ENTERPRISE, PartnerType.ENTERPRISE, PartnerType.GOVERNMENT_AGENCY,
				PartnerType.SOCIAL_ORGANISATION, PartnerType.SOCIAL_ORGANISATION, PartnerType.ENTERPRISE,
				PartnerType.GOVERNMENT_AGENCY, PartnerType.STATE_OWNED_ENTERPRISE, PartnerType.SOCIAL_ORGANISATION };
		for (int i = 0; i < dc.length; i++) {
			Object[] p = { dc[i], dcTypes[i], dc[i] + "党支部", "界石镇", 0.002 * (i % 5) - 0.004, 0.002 * (i / 5) - 0.002,
					"联络人" + (i + 1), "1392320" + String.format("%04d", 1000 + i), i == 0 ? "gongdian" : null,
					i % 7 != 6 };
			add(imports, units, dongcheng, p, dlat, dlng, accountIds, year, today);
		}

		Instant now = clock.instant();
		int items = 0;
		LocalDate jan = LocalDate.of(year, 1, 1);
		LocalDate dec = LocalDate.of(year, 12, 31);
		LocalDate lastYear = jan.minusYears(1);
		// 金银桥社区: the resource of ¥600,000 and the completed projects of seed 000
		UUID funds = imports.item(jinyinqiao, ItemKind.RESOURCE, units.get("国际生物城小学").id(), "国际生物城小学党支部共建资金",
				ItemCategory.FUNDS, "结对共建资金，用于社区教育和困难群众帮扶项目", new BigDecimal("600000"), Measure.YUAN,
				lastYear, dec, daysAgo(now, 400));
		imports.claim(funds, jinyinqiao.id(), ItemKind.RESOURCE, new PastClaim(units.get("国际生物城小学").id(),
				new BigDecimal("200000"), lastYear.plusMonths(9), daysAgo(now, 380), daysAgo(now, 250),
				daysAgo(now, 240), new BigDecimal("200000"), new BigDecimal("120"), 86));
		items++;
		Object[][] done = {
				{ "健康社区", ItemCategory.HEALTH, "义诊、健康讲座和慢病随访", "国药控股重庆崇恩医药", "50000", 200, 150, 120, 320 },
				{ "春蕾圆梦", ItemCategory.EDUCATION, "资助困难家庭女童完成学业", "国际生物城小学", "80000", 190, 178, 100, 24 },
				{ "道路整修", ItemCategory.INFRASTRUCTURE, "钱佳花园至河街路段破损路面整修", "木洞文旅公司", "120000", 170, 160, 60, 2213 },
				{ "污水管网疏通维护", ItemCategory.ENVIRONMENT, "钱佳花园污水管网疏通和定期维护", "重庆新希望生物", "30000", 150, 140, 35, 1159 },
				{ "农产品代销", ItemCategory.EMPLOYMENT, "帮助村民代销柑橘、蔬菜等农产品", "木洞文旅公司", "45000", 120, 112, 60, 150 },
				{ "金喇叭宣讲", ItemCategory.CULTURE, "小学生红色宣讲队走进院坝", "木洞小学", "6000", 90, 85, 40, 600 } };
		for (Object[] d : done) {
			int published = (Integer) d[5];
			int claimedAgo = (Integer) d[6];
			int took = (Integer) d[7];
			BigDecimal value = new BigDecimal((String) d[4]);
			UUID id = imports.item(jinyinqiao, ItemKind.PROJECT, null, (String) d[0], (ItemCategory) d[1],
					(String) d[2], value, Measure.YUAN, LocalDate.now(clock.withZone(ZONE)).minusDays(published),
					today.minusDays(claimedAgo - took - 10), daysAgo(now, published));
			imports.claim(id, jinyinqiao.id(), ItemKind.PROJECT,
					new PastClaim(units.get((String) d[3]).id(), value, today.minusDays(claimedAgo - took - 5),
							daysAgo(now, claimedAgo), daysAgo(now, claimedAgo - took + 3),
							daysAgo(now, claimedAgo - took), value, new BigDecimal(took * 2), (Integer) d[8]));
			items++;
		}
		// this year's 暑期公益课堂, pledged by 木洞小学 and on its way
		LocalDate summerStart = LocalDate.of(year, 7, 1);
		LocalDate summerEnd = LocalDate.of(year, 8, 31);
		UUID summer = imports.item(jinyinqiao, ItemKind.PROJECT, null, "暑期公益课堂", ItemCategory.EDUCATION,
				"暑假期间为社区儿童开设作业辅导、安全教育和兴趣课程", new BigDecimal("200"), Measure.HOURS, summerStart,
				summerEnd, daysAgo(now, 20));
		imports.claim(summer, jinyinqiao.id(), ItemKind.PROJECT, new PastClaim(units.get("木洞小学").id(),
				new BigDecimal("120"), summerEnd.isBefore(today) ? today.plusDays(30) : summerEnd, daysAgo(now, 18),
				null, null, null, null, null));
		items++;
		Object[][] open = {
				{ "独居老人助餐志愿者", ItemCategory.ELDERLY_CARE, "每周为12位独居老人送餐", "20", Measure.PEOPLE, 30 },
				{ "社区儿童图书角", ItemCategory.EDUCATION, "需要图书500册及书架", "15000", Measure.YUAN, 9 },
				{ "河街照明改造", ItemCategory.INFRASTRUCTURE, "河街路段夜间照明不足", "60000", Measure.YUAN, 3 } };
		for (Object[] o : open) {
			imports.item(jinyinqiao, ItemKind.NEED, null, (String) o[0], (ItemCategory) o[1], (String) o[2],
					new BigDecimal((String) o[3]), (Measure) o[4], today.minusDays((Integer) o[5]), dec,
					daysAgo(now, (Integer) o[5]));
			items++;
		}
		// this year's needs that units claimed: accepted, delivered and waiting for acceptance, or still pledged — so
		// that the year's match rate and times are those of a working community, not of an empty list
		int dayOfYear = today.getDayOfYear() - 1;
		// each: published days ago, claimed days after, then ACCEPTED or DELIVERED (waiting for acceptance) that many
		// days after the claim, or still PLEDGED; people served
		Object[][] claimedNeeds = {
				{ "老年人防诈骗讲座", ItemCategory.CULTURE, "为社区老年人讲解电信诈骗常见手法", "巴南区木洞派出所", "40", Measure.HOURS, 100, 4, ClaimStatus.ACCEPTED, 20, 260 },
				{ "钱佳花园化粪池清掏", ItemCategory.ENVIRONMENT, "钱佳花园3个化粪池满溢，需清掏", "重庆新希望生物", "8000", Measure.YUAN, 80, 10, ClaimStatus.ACCEPTED, 25, 640 },
				{ "院坝义诊", ItemCategory.HEALTH, "每月一次院坝义诊和慢病随访", "木洞镇卫生院", "60", Measure.HOURS, 45, 3, ClaimStatus.DELIVERED, 10, 180 },
				{ "困难家庭学生助学", ItemCategory.EDUCATION, "资助8名困难家庭学生本学期学习用品", "重庆农商行木洞支行", "16000", Measure.YUAN, 25, 9, ClaimStatus.PLEDGED, 0, null } };
		for (Object[] n : claimedNeeds) {
			int published = Math.min((Integer) n[6], dayOfYear);
			int claimedAfter = Math.min((Integer) n[7], published);
			ClaimStatus status = (ClaimStatus) n[8];
			BigDecimal quantity = new BigDecimal((String) n[4]);
			Measure measure = (Measure) n[5];
			UUID id = imports.item(jinyinqiao, ItemKind.NEED, null, (String) n[0], (ItemCategory) n[1],
					(String) n[2], quantity, measure, today.minusDays(published), dec, daysAgo(now, published));
			Instant claimedAt = daysAgo(now, published - claimedAfter);
			Instant deliveredAt = status == ClaimStatus.PLEDGED ? null
					: claimedAt.plus(java.time.Duration.ofDays(Math.min((Integer) n[9], published - claimedAfter)));
			Instant acceptedAt = status == ClaimStatus.ACCEPTED ? deliveredAt : null;
			BigDecimal value = measure == Measure.YUAN && deliveredAt != null ? quantity : null;
			BigDecimal hours = measure == Measure.HOURS && deliveredAt != null ? quantity : null;
			imports.claim(id, jinyinqiao.id(), ItemKind.NEED, new PastClaim(units.get((String) n[3]).id(), quantity,
					dec, claimedAt, deliveredAt, acceptedAt, value, hours, (Integer) n[10]));
			items++;
		}
		imports.item(jinyinqiao, ItemKind.RESOURCE, units.get("木洞镇卫生院").id(), "家庭医生上门服务", ItemCategory.HEALTH,
				"每月两次上门随访", new BigDecimal("100"), Measure.HOURS, jan, dec, daysAgo(now, 60));
		items++;
		// the school's classrooms, as its 暑期公益课堂 and the year's first joint meeting tell: filed under 教育, in the
		// words of a school, and still a place for a community's 场地 need
		imports.item(jinyinqiao, ItemKind.RESOURCE, units.get("木洞小学").id(), "周末开放教室和操场", ItemCategory.EDUCATION,
				"周末和寒暑假向社区开放教室、操场和多功能厅，用于课堂、讲座和居民活动", new BigDecimal("200"), Measure.HOURS, jan,
				dec, daysAgo(now, 40));
		items++;

		// 东城社区: the red partners' delivered projects (seed 002)
		Object[][] dcDone = {
				{ "安装道路护栏2000米", ItemCategory.INFRASTRUCTURE, "主干道及学校门口安装护栏2000米", "国网重庆市南供电公司鹿角供电所", "400000", 260, 250, 60, 11940 },
				{ "新建充电桩30个", ItemCategory.INFRASTRUCTURE, "东城公租房新建电动车充电桩30个", "国网重庆市南供电公司鹿角供电所", "150000", 200, 195, 45, 4993 },
				{ "增设休闲座椅85张", ItemCategory.INFRASTRUCTURE, "小区及公共区域增设座椅85张", "重庆银行界石支行", "42500", 180, 170, 30, 11940 },
				{ "用电安全进社区", ItemCategory.EDUCATION, "入户检查线路、讲解用电安全", "国网重庆市南供电公司鹿角供电所", "80", 100, 95, 20, 800 },
				{ "义诊进院坝", ItemCategory.HEALTH, "每季度一次义诊", "界石镇卫生院", "60", 90, 80, 15, 450 } };
		for (Object[] d : dcDone) {
			int published = (Integer) d[5];
			int claimedAgo = (Integer) d[6];
			int took = (Integer) d[7];
			boolean hours = d[4].equals("80") || d[4].equals("60");
			BigDecimal qty = new BigDecimal((String) d[4]);
			UUID id = imports.item(dongcheng, hours ? ItemKind.NEED : ItemKind.PROJECT, null, (String) d[0],
					(ItemCategory) d[1], (String) d[2], qty, hours ? Measure.HOURS : Measure.YUAN,
					today.minusDays(published), today.minusDays(claimedAgo - took - 10), daysAgo(now, published));
			imports.claim(id, dongcheng.id(), ItemKind.PROJECT,
					new PastClaim(units.get((String) d[3]).id(), qty, today.minusDays(claimedAgo - took - 5),
							daysAgo(now, claimedAgo), daysAgo(now, claimedAgo - took + 2),
							daysAgo(now, claimedAgo - took), hours ? null : qty, hours ? qty : BigDecimal.ZERO,
							(Integer) d[8]));
			items++;
		}
		imports.item(dongcheng, ItemKind.NEED, null, "公租房楼道灯更换", ItemCategory.INFRASTRUCTURE, "15栋楼道灯老化",
				new BigDecimal("300"), Measure.HOURS, today, dec, daysAgo(now, 12));
		imports.item(dongcheng, ItemKind.RESOURCE, units.get("国网重庆市南供电公司鹿角供电所").id(), "电工志愿服务",
				ItemCategory.INFRASTRUCTURE, "电工党员志愿者每月服务", new BigDecimal("200"), Measure.HOURS, jan, dec,
				daysAgo(now, 50));
		items += 2;
		return new Counts(units.size(), items);
	}

	private static void add(PartnershipImports imports, Map<String, PartnerUnit> units, OrgUnit community, Object[] p,
			double lat, double lng, Map<String, UUID> accountIds, int year, LocalDate today) {
		String liaison = (String) p[8];
		List<UUID> liaisons = liaison == null || !accountIds.containsKey(liaison) ? List.of()
				: List.of(accountIds.get(liaison));
		PartnerUnit unit = imports.partner(community, new NewPartner(community.id(), (String) p[0],
				(PartnerType) p[1], (String) p[2], (String) p[3], lat + (Double) p[4], lng + (Double) p[5],
				(String) p[6], (String) p[7]), liaisons);
		units.put(unit.name(), unit);
		imports.signedAgreement(unit.id(), community.id(), year - 1, "共驻共建：资源共享、组织共建、活动共办", LocalDate.of(year - 1, 1, 15));
		if ((Boolean) p[9]) {
			imports.signedAgreement(unit.id(), community.id(), year, "共驻共建：资源共享、组织共建、活动共办、党员共管",
					LocalDate.of(year, 1, 15).isAfter(today) ? today : LocalDate.of(year, 1, 15));
		}
	}

	private static Instant daysAgo(Instant now, int days) {
		return now.minus(java.time.Duration.ofDays(days));
	}
}
