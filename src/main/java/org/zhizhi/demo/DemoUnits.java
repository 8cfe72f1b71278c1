package org.zhizhi.demo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.incident.Unit;
import org.zhizhi.incident.UnitKind;
import org.zhizhi.incident.Units;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The units that answer 东城社区's whistles (单位应哨), each with its liaison account: the town's law-enforcement team for
 * street order, the power-supply station that is one of the community's partners (seed 002), and the community's
 * "red property" service centre for the estates without a property company.
 */
final class DemoUnits {

	record DemoUnit(String code, String name, UnitKind kind, String nodeKey, String liaison) {
	}

	static final List<DemoUnit> ALL = List.of(
			new DemoUnit("jieshi-zhifa", "界石镇综合行政执法大队", UnitKind.GOVERNMENT_DEPARTMENT, "jieshi", "chengguan"),
			new DemoUnit("lujiao-gongdian", "国网重庆市南供电公司鹿角供电所", UnitKind.UTILITY, "jieshi", "gongdian"),
			new DemoUnit("dongcheng-wuye", "东城社区红色物业服务中心", UnitKind.PROPERTY_COMPANY, "dongcheng",
					"wuye-dongcheng"));

	private DemoUnits() {
	}

	/** Registers the units; answers them by code. */
	static Map<String, Unit> load(Units units, OrgUnitQueries orgUnits, Map<String, UUID> nodeIds,
			Map<String, UUID> accountIds) {
		Map<String, Unit> registered = new java.util.HashMap<>();
		for (DemoUnit unit : ALL) {
			OrgUnit served = orgUnits.bindingOf(nodeIds.get(unit.nodeKey())).orElseThrow();
			registered.put(unit.code(), units.registerTrusted(unit.code(), unit.name(), unit.kind(), served,
					List.of(accountIds.get(unit.liaison()))));
		}
		return registered;
	}
}
