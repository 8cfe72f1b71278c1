package org.zhizhi.demo;

import java.util.List;
import java.util.Random;

import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.BuildingHeads;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.PlaceQueries;

/**
 * A building head for every building of the estates whose reports speak of them (东城社区's public-rental estate and
 * 走马二村's staff quarters), about a third of them red building heads (party members). Fixed seed.
 */
final class DemoBuildingHeads {

	private static final List<String> ESTATES = List.of("东城公租房", "走马二村");

	private static final String SURNAMES = "王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林";

	private static final List<String> GIVEN = List.of("秀英", "桂兰", "建国", "德明", "淑珍", "国强", "玉兰", "志华",
			"春梅", "永福", "丽华", "家富");

	private DemoBuildingHeads() {
	}

	static int load(BuildingHeads heads, PlaceQueries places, DataScope whole) {
		Random random = new Random(20261124L);
		int appointed = 0;
		for (String estateName : ESTATES) {
			for (Estate estate : places.estates(whole, estateName, null)) {
				if (!estate.name().equals(estateName)) {
					continue;
				}
				for (BuildingOverview building : places.buildingsOfEstate(whole, estate.id())) {
					String name = SURNAMES.charAt(random.nextInt(SURNAMES.length()))
							+ GIVEN.get(random.nextInt(GIVEN.size()));
					heads.bootstrap(whole, building.building().id(), name, random.nextInt(3) == 0);
					appointed++;
				}
			}
		}
		return appointed;
	}
}
