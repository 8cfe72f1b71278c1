package org.zhizhi.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.property.Dispute;
import org.zhizhi.property.DisputeKind;
import org.zhizhi.property.DisputeStep;
import org.zhizhi.property.Disputes;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.PlaceQueries;

/**
 * 金鹤社区's disputes (seed 004): a child's scooter knocked down an elder in 华城国际; the family asked ¥50,000 for the
 * hospital; the party branch, the property company and the owners' committee mediated to ¥15,000 — three sessions, the
 * agreement, its keeping followed up, closed. And one in mediation now, for the walk-through: parking on the fire lane.
 */
final class DemoDisputes {

	static final long SETTLED_CENTS = 15_000_00;

	private DemoDisputes() {
	}

	static void load(Disputes disputes, PlaceQueries places, Map<String, DataScope> scopes, Instant now, ZoneId zone) {
		DataScope jinhe = scopes.get("jinhe");
		Estate huacheng = places.estates(jinhe, "华城国际", null)
			.stream()
			.filter(e -> e.name().equals("华城国际"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo estate missing: 华城国际"));
		UUID desk = new UUID(0, 0);
		String deskName = "金鹤社区居委会";
		Instant recorded = now.minus(Duration.ofDays(80));
		LocalDate day = LocalDate.ofInstant(recorded, zone);
		String three = "华城国际党支部书记、物业项目经理、业委会主任、双方家属";
		disputes.history(new Dispute.Case(huacheng.id(), huacheng.name(), huacheng.scopePath(),
				DataScope.districtOf(huacheng.scopePath()), "小孩玩滑板车撞倒老人", DisputeKind.DAMAGE,
				"受伤老人家属；小孩父母",
				"小区内一名小孩玩滑板车不慎撞倒一位老人，老人住院治疗。老人家属要求小孩父母赔偿医药费 5 万元，双方争执不下，找到小区党支部。",
				50_000_00L, null, null, desk, deskName, recorded),
				List.of(step(day.plusDays(2), three, "三方第一次调解：核实住院费用清单，双方分歧较大。", recorded, 2),
						step(day.plusDays(6), three, "物业调取监控还原经过；业委会主任说明小区滑板车管理规定。", recorded, 6),
						step(day.plusDays(10), three, "双方各让一步，同意按医药费实际支出协商。", recorded, 10)),
				SETTLED_CENTS, "小孩父母一次性赔偿医药费 1.5 万元，一个月内付清；物业在小区增设慢行提示牌。", day.plusDays(10),
				List.of(step(day.plusDays(40), null, "回访：赔偿款已付清，提示牌已安装，双方无异议。", recorded, 40)),
				day.plusDays(41));
		Instant parking = now.minus(Duration.ofDays(5));
		disputes.history(new Dispute.Case(huacheng.id(), huacheng.name(), huacheng.scopePath(),
				DataScope.districtOf(huacheng.scopePath()), "消防通道停车纠纷", DisputeKind.PARKING, "1 栋业主；物业公司",
				"1 栋业主长期在消防通道停车，物业劝离时发生争执，业主认为车位不足是物业管理问题。", null, null, null, desk, deskName,
				parking),
				List.of(step(LocalDate.ofInstant(parking, zone).plusDays(1), "华城国际党支部书记、物业项目经理、业委会主任、1 栋业主",
						"第一次调解：物业说明车位情况，业主同意先移车。",
						parking, 1)),
				null, null, null, List.of(), null);
	}

	private static DisputeStep step(LocalDate on, String present, String note, Instant base, int days) {
		return new DisputeStep(UUID.nameUUIDFromBytes((note + on).getBytes(java.nio.charset.StandardCharsets.UTF_8)), null,
				null, on, present, note, new UUID(0, 0), "金鹤社区居委会", base.plus(Duration.ofDays(days)));
	}
}
