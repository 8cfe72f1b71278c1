package org.zhizhi.demo;

import java.util.List;
import java.util.Set;

import org.zhizhi.identity.GridPosition;
import org.zhizhi.shared.Role;

/** The demo accounts, each bound to a node of the demo district (by its key), all with the same password. */
final class DemoAccounts {

	static final String PASSWORD = "Zhizhi@2026";

	record DemoAccount(String username, String displayName, Role role, String nodeKey, GridPosition position,
			String description) {

		Set<Role> roles() {
			return Set.of(role);
		}
	}

	static final List<DemoAccount> ALL = List.of(
			new DemoAccount("admin", "系统管理员", Role.SYSTEM_ADMIN, "cq", null, "系统管理员"),
			new DemoAccount("security", "安全管理员", Role.SECURITY_ADMIN, "cq", null, "安全管理员"),
			new DemoAccount("auditor", "安全审计员", Role.AUDITOR, "cq", null, "安全审计员"),
			new DemoAccount("banan", "巴南区治理中心", Role.DISTRICT_ADMIN, "banan", null, "巴南区 区级管理员"),
			new DemoAccount("nanan", "南岸区治理中心", Role.DISTRICT_ADMIN, "nanan", null, "南岸区 区级管理员"),
			new DemoAccount("jieshi", "界石镇网格办", Role.STREET_STAFF, "jieshi", null, "界石镇 街镇工作人员"),
			new DemoAccount("dongcheng", "东城社区工作站", Role.COMMUNITY_STAFF, "dongcheng", null, "东城社区 社区工作人员"),
			new DemoAccount("dongcheng-g01", "李网格长", Role.GRID_WORKER, "dongcheng-g1", GridPosition.GRID_LEADER,
					"东城社区第1网格 网格长"),
			new DemoAccount("dongcheng-g02", "王网格员", Role.GRID_WORKER, "dongcheng-g2", GridPosition.FULL_TIME,
					"东城社区第2网格 专职网格员"),
			new DemoAccount("dangyuan01", "陈党员", Role.PARTY_MEMBER, "dongcheng", null, "东城社区 党员"),
			new DemoAccount("dangyuan02", "刘党员", Role.PARTY_MEMBER, "dongcheng", null, "东城社区 党员（在职党员）"),
			new DemoAccount("dangyuan03", "赵党员", Role.PARTY_MEMBER, "dongcheng", null, "东城社区 党员（楼栋长）"),
			new DemoAccount("dangyuan04", "孙党员", Role.PARTY_MEMBER, "dongcheng", null, "东城社区 党员（志愿者）"),
			new DemoAccount("chengguan", "界石镇综合执法联络员", Role.PARTNER_LIAISON, "jieshi", null,
					"界石镇综合行政执法大队 应哨联络员"),
			new DemoAccount("gongdian", "鹿角供电所联络员", Role.PARTNER_LIAISON, "jieshi", null,
					"国网重庆市南供电公司鹿角供电所 应哨联络员"),
			new DemoAccount("wuye-dongcheng", "东城红色物业联络员", Role.PROPERTY_STAFF, "dongcheng", null,
					"东城社区红色物业服务中心 应哨联络员"),
			new DemoAccount("jumin01", "张居民", Role.RESIDENT, "dongcheng-g1", null, "东城社区第1网格 居民"),
			// 张居民's neighbours in his building: co-signing and voting take more than one household
			new DemoAccount("jumin02", "李居民", Role.RESIDENT, "dongcheng-g1", null, "东城社区第1网格 居民（张居民的邻居）"),
			new DemoAccount("jumin03", "王居民", Role.RESIDENT, "dongcheng-g1", null, "东城社区第1网格 居民（张居民的邻居）"),
			new DemoAccount("mudong", "金银桥社区工作站", Role.COMMUNITY_STAFF, "jinyinqiao", null, "金银桥社区 社区工作人员"),
			// ---- partnership: the liaison of 木洞小学 (金银桥社区's partner unit) ----
			new DemoAccount("mudong-school", "木洞小学联络员", Role.PARTNER_LIAISON, "jinyinqiao", null,
					"木洞小学 共建单位联络员"),
			// ---- points: a 先锋骑士 rider of 龙锦社区 with his points file, and the liaison of a sponsoring business ----
			new DemoAccount("qishou01", "刘骑手", Role.RESIDENT, "longjin-g1", null, "龙锦社区 先锋骑士（外卖骑手）"),
			new DemoAccount("shangjia01", "巴南惠民超市联络员", Role.PARTNER_LIAISON, "longjin", null,
					"巴南惠民超市 爱心商家联络人（确认积分兑换）"),
			new DemoAccount("longjin", "龙锦社区工作站", Role.COMMUNITY_STAFF, "longjin", null, "龙锦社区 社区工作人员"),
			// ---- property (issue 14): 环物小组's inspector, bound at the city so that one account inspects both 巴南's
			// firms and 华城国际 in 南岸区 (docs/property.md says why); the liaison of 华城国际's property company
			new DemoAccount("wuye-jianguan", "环物小组监管员", Role.PROPERTY_INSPECTOR, "cq", null,
					"环物小组 物业监管员（月检查、季考核、年评定）"),
			new DemoAccount("wuye-huacheng", "金鹤物业联络员", Role.PROPERTY_STAFF, "jinhe", null,
					"重庆金鹤物业服务有限公司（华城国际） 应哨联络员"),
			// ---- self-run estates (issue 14): the guardian of 新河街's first building
			new DemoAccount("shouhu01", "周守护", Role.RESIDENT, "xiaxinxin-g1", null,
					"下新新社区新河街 守护楼员（收缴自管费）"));

	private DemoAccounts() {
	}
}
