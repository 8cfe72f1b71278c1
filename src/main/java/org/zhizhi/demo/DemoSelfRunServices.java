package org.zhizhi.demo;

import java.util.List;

import org.zhizhi.property.SelfRun.Service;

/**
 * The service list of a 社区自管中心 (seed 003: 保洁、安保、设施维护 and three more classes, 23 basic services, and 5
 * value-added ones such as 智能停车 and 老年食堂). The classes beyond the three the seed names, the services' wording
 * and their standards are ours; the counts are the seed's.
 */
final class DemoSelfRunServices {

	static final List<Service> CENTRE_LIST = List.of(
			basic("保洁", "楼道清扫", "保洁员", "每日一次，扶手每周擦拭"),
			basic("保洁", "院坝及道路清扫", "保洁员", "每日两次"),
			basic("保洁", "生活垃圾清运", "保洁员", "日产日清，分类投放点每日消杀"),
			basic("保洁", "化粪池、管网清掏", "外包单位", "每半年一次，堵塞 24 小时内处理"),
			basic("安保", "门岗值守", "保安员", "24 小时值守，外来车辆登记"),
			basic("安保", "夜间巡逻", "保安员", "每晚 2 次，记录巡逻日志"),
			basic("安保", "消防设施巡查", "保安员", "每月一次，消防通道每日查看"),
			basic("安保", "监控值守", "保安员", "监控室有人值守，录像保存 30 天"),
			basic("设施维护", "公共照明维修", "维修工", "报修后 24 小时内修复"),
			basic("设施维护", "给排水维修", "维修工", "报修后 24 小时内处理，漏水 2 小时到场"),
			basic("设施维护", "门禁、单元门维修", "维修工", "报修后 48 小时内修复"),
			basic("设施维护", "房屋公共部位巡检", "维修工", "每季度一次，危险部位上报社区"),
			basic("绿化养护", "花木修剪", "绿化工", "每季度一次，大树修枝报社区审批"),
			basic("绿化养护", "草坪及绿地维护", "绿化工", "每月一次，病虫害及时防治"),
			basic("绿化养护", "绿地补植", "绿化工", "缺株 30 天内补植"),
			basic("秩序管理", "车辆停放管理", "保安员", "划线停放，消防通道不停车"),
			basic("秩序管理", "电动车集中停放充电", "保安员", "不进楼道、不飞线充电"),
			basic("秩序管理", "装修管理", "自管中心", "装修登记，垃圾按时清运"),
			basic("秩序管理", "公共区域占用劝导", "自管中心", "发现后 3 日内劝导清理"),
			basic("便民服务", "报事报修受理", "自管中心", "工作日 8:30-17:30 受理，随手拍全天"),
			basic("便民服务", "收支公示", "自管中心", "每月在公示栏和楼栋群公示"),
			basic("便民服务", "独居老人关照", "自管中心 志愿者", "每月入户走访，结对帮扶"),
			basic("便民服务", "居民议事组织", "自管中心", "逢四说事，重大事项议事协商"),
			valueAdded("智能停车", "车位预约、无感缴费", "停车收益归自管中心"),
			valueAdded("老年食堂", "60 岁以上老人助餐", "午餐 12 元，80 岁以上 8 元"),
			valueAdded("家政服务", "保洁、保姆对接", "自管中心推荐，居民自愿选择"),
			valueAdded("快递代收", "快递柜及代收点", "代收免费，超时存放收费"),
			valueAdded("电动车充电", "集中充电桩", "按度计费，收益用于小区公共支出"));

	private DemoSelfRunServices() {
	}

	private static Service basic(String className, String name, String provider, String standard) {
		return new Service(className, name, provider, standard, false);
	}

	private static Service valueAdded(String name, String what, String standard) {
		return new Service("增值服务", name + "：" + what, "自管中心", standard, true);
	}
}
