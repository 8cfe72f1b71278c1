package org.zhizhi.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
 * orders handled and their 双报到 service), 东城社区's 道德积分银行 (003: items in 修身、润家、睦邻、怡城), and 龙锦社区's
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

	private static void rule(PointsManagement points, Actor desk, Scheme scheme, String code, String name,
			Dimension dimension, RuleSource source, int value, Integer daily, Integer monthly, LocalDate from) {
		points.addRule(desk, scheme.id(), new NewRule(code, name, dimension, source, value, daily, monthly, from));
	}

	private static Actor desk(String name, Role role, DataScope scope) {
		return new Actor(new UUID(0, 0), "demo", name, Set.of(role), scope);
	}
}
