package org.zhizhi.demo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.Firm.Industry;
import org.zhizhi.territory.Firms;

/**
 * A sample of the firms of 重庆国际生物城 in 金银桥社区's five park grids — the two the seed names, and invented ones of
 * the park's four industries (生物医药, 医疗器械, 食品加工, 轻纺).
 */
final class DemoFirms {

	record Sample(int grid, String name, Industry industry, int employees) {
	}

	static final List<Sample> SAMPLES = List.of(
			new Sample(5, "国药控股重庆崇恩医药有限公司", Industry.BIOMEDICINE, 260),
			new Sample(5, "重庆新希望生物有限公司", Industry.BIOMEDICINE, 180),
			new Sample(6, "生物城康瑞医疗器械有限公司", Industry.MEDICAL_DEVICES, 95),
			new Sample(6, "金桥精密医用耗材有限公司", Industry.MEDICAL_DEVICES, 140),
			new Sample(7, "木洞鲜品食品加工有限公司", Industry.FOOD_PROCESSING, 210),
			new Sample(7, "长江源调味品有限公司", Industry.FOOD_PROCESSING, 75),
			new Sample(8, "渝南轻纺制品有限公司", Industry.LIGHT_TEXTILE, 320),
			new Sample(9, "生物城冷链物流有限公司", Industry.OTHER, 60),
			new Sample(9, "康桥生物试剂有限公司", Industry.BIOMEDICINE, 45));

	private DemoFirms() {
	}

	static int load(Firms firms, DataScope whole, Map<String, UUID> ids) {
		for (Sample sample : SAMPLES) {
			firms.register(whole, ids.get("jinyinqiao-g" + sample.grid()), sample.name(), sample.industry(),
					sample.employees());
		}
		return SAMPLES.size();
	}
}
