package org.zhizhi.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.property.Dispute;
import org.zhizhi.property.DisputeKind;
import org.zhizhi.property.Disputes;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.PlaceQueries;

/**
 * What makes the sentinel speak in the demo (issue 17; seed 004's 物业矛盾纠纷防范处置): this week 华城国际's residents
 * came to 金鹤社区 twice more about their property company — the lifts and an unannounced fee rise — beside the
 * fire-lane parking dispute in mediation, so the estate meets the rule "3 complaints within 7 days". The other alerts
 * come from what the demo already holds: 新河街 7栋's fees (62% paid), 下新新's late visits to elders living alone, and
 * the grids with no patrol report for three weeks.
 */
final class DemoSentinelSignals {

	private DemoSentinelSignals() {
	}

	static void load(Disputes disputes, PlaceQueries places, Map<String, DataScope> scopes, Instant now) {
		Estate huacheng = places.estates(scopes.get("jinhe"), "华城国际", null)
			.stream()
			.filter(e -> e.name().equals("华城国际"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo estate missing: 华城国际"));
		UUID desk = new UUID(0, 0);
		complaint(disputes, huacheng, desk, now.minus(Duration.ofDays(3)), "电梯一周内三次困人", DisputeKind.PROPERTY_SERVICE,
				"2 栋业主代表；物业公司",
				"2 栋电梯一周内三次困人，业主认为物业维保不到位，要求更换维保单位并公开维保记录。");
		complaint(disputes, huacheng, desk, now.minus(Duration.ofDays(1)), "物业费上调未公示", DisputeKind.FEES,
				"部分业主；物业公司；业委会",
				"物业公司通知下月起物业费每平方米上调 0.3 元，未经业主大会表决也未提前公示，业主拒绝缴纳。");
	}

	private static void complaint(Disputes disputes, Estate estate, UUID desk, Instant at, String title,
			DisputeKind kind, String parties, String account) {
		disputes.history(new Dispute.Case(estate.id(), estate.name(), estate.scopePath(),
				DataScope.districtOf(estate.scopePath()), title, kind, parties, account, null, null, null, desk,
				"金鹤社区居委会", at), List.of(), null, null, null, List.of(), null);
	}
}
