package org.zhizhi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.zhizhi.party.MemberGender;
import org.zhizhi.party.MemberKind;
import org.zhizhi.party.NewHubHousehold;
import org.zhizhi.party.NewPartyMember;
import org.zhizhi.party.NewPartyOrg;
import org.zhizhi.party.PartyLevel;
import org.zhizhi.party.PartyManagement;
import org.zhizhi.party.PartyMember;
import org.zhizhi.party.PartyOrg;
import org.zhizhi.shared.Actor;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.PlaceQueries;

/**
 * The party figures of the seeds: 东城社区's community committee with 15 grid party groups, 15 hub households (one per
 * public-rental building) and 48 incoming members; 钱佳花园's functional branch of 58 members (with groups in eight of
 * its twelve buildings and five hub households, so that its chain shows gaps); 新河街's functional branch; 走马梁社区's
 * two grid branches; 龙锦社区's 10 members among the new-employment workers; 华城国际's 37 members. Names come from a
 * fixed seed, so every machine loads the same people.
 */
final class DemoParty {

	static final int DONGCHENG_GRIDS = 15;

	static final int DONGCHENG_INCOMING = 48;

	static final int QIANJIA_MEMBERS = 58;

	static final int QIANJIA_GROUPS = 8;

	static final int QIANJIA_HUBS = 5;

	static final int HUACHENG_MEMBERS = 37;

	static final int LONGJIN_MEMBERS = 10;

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉梅德文春燕海波晓琳鹏飞雪莉永福玉兰淑珍";

	private static final List<String> EMPLOYERS = List.of("美团外卖", "饿了么", "顺丰速运", "京东物流", "中通快递", "达达快送");

	private final PartyManagement party;

	private final PlaceQueries places;

	private final Actor loader;

	private final Map<String, UUID> ids;

	private final Random random = new Random(20261123L);

	private DemoParty(PartyManagement party, PlaceQueries places, Actor loader, Map<String, UUID> ids) {
		this.party = party;
		this.places = places;
		this.loader = loader;
		this.ids = ids;
	}

	static void load(PartyManagement party, PlaceQueries places, Actor loader, Map<String, UUID> ids) {
		new DemoParty(party, places, loader, ids).loadAll();
	}

	private void loadAll() {
		dongcheng();
		qianjia();
		PartyOrg xinhe = org(null, "新河街功能型党支部", PartyLevel.BRANCH, true, estate("xiaxinxin", "新河街").id());
		members(xinhe, 12, MemberKind.REGULAR);
		for (int g = 1; g <= 2; g++) {
			PartyOrg branch = org(null, "攀钢家属区第" + g + "网格党支部", PartyLevel.BRANCH, false,
					ids.get("zoumaliang-g" + g));
			members(branch, g == 1 ? 9 : 7, MemberKind.REGULAR);
		}
		PartyOrg riders = org(null, "龙锦社区新就业群体党支部", PartyLevel.BRANCH, true, ids.get("longjin"));
		for (int i = 0; i < LONGJIN_MEMBERS; i++) {
			member(riders, MemberKind.REGULAR, EMPLOYERS.get(i % EMPLOYERS.size()), null, null);
		}
		PartyOrg huacheng = org(null, "华城国际党支部", PartyLevel.BRANCH, false, estate("jinhe", "华城国际").id());
		members(huacheng, HUACHENG_MEMBERS, MemberKind.REGULAR);
	}

	private void dongcheng() {
		PartyOrg committee = org(null, "东城社区党委", PartyLevel.COMMITTEE, false, ids.get("dongcheng"));
		Estate estate = estate("dongcheng", "东城公租房");
		List<BuildingOverview> buildings = places.buildingsOfEstate(loader.scope(), estate.id());
		List<PartyOrg> groups = new ArrayList<>();
		for (int g = 1; g <= DONGCHENG_GRIDS; g++) {
			UUID gridId = ids.get("dongcheng-g" + g);
			PartyOrg group = org(committee.id(), "东城社区第" + g + "网格党小组", PartyLevel.GROUP, false, gridId);
			groups.add(group);
			PartyMember hubMember = member(group, MemberKind.REGULAR, null, null, null);
			UUID building = buildings.stream()
				.filter(b -> gridId.equals(b.building().gridId()))
				.findFirst()
				.orElseThrow()
				.building()
				.id();
			party.addHub(loader, new NewHubHousehold(hubMember.id(), List.of(building), null));
		}
		for (int i = 0; i < DONGCHENG_INCOMING; i++) {
			member(groups.get(i % groups.size()), MemberKind.INCOMING, null, null, null);
		}
		for (int i = 0; i < 3; i++) {
			member(committee, MemberKind.ACTIVIST, null, null, null);
		}
		for (int i = 0; i < 2; i++) {
			member(committee, MemberKind.APPLICANT, null, null, null);
		}
	}

	private void qianjia() {
		PartyOrg committee = org(null, "金银桥社区党委", PartyLevel.COMMITTEE, false, ids.get("jinyinqiao"));
		Estate estate = estate("jinyinqiao", "钱佳花园");
		PartyOrg branch = org(committee.id(), "钱佳花园功能型党支部", PartyLevel.BRANCH, true, estate.id());
		List<PartyMember> members = new ArrayList<>();
		for (int i = 0; i < QIANJIA_MEMBERS; i++) {
			if (i % 12 == 5) {
				// in-service members who registered with the community and the estate (双报到)
				members.add(member(branch, MemberKind.IN_SERVICE, "巴南区木洞镇人民政府", ids.get("jinyinqiao"),
						estate.id()));
			}
			else {
				members.add(member(branch, i % 20 == 7 ? MemberKind.INCOMING : MemberKind.REGULAR, null, null, null));
			}
		}
		List<BuildingOverview> buildings = places.buildingsOfEstate(loader.scope(), estate.id());
		for (int b = 0; b < QIANJIA_GROUPS && b < buildings.size(); b++) {
			org(branch.id(), "钱佳花园" + buildings.get(b).building().name() + "党小组", PartyLevel.GROUP, false,
					buildings.get(b).building().id());
		}
		for (int h = 0; h < QIANJIA_HUBS && h < buildings.size(); h++) {
			party.addHub(loader,
					new NewHubHousehold(members.get(h * 3).id(), List.of(buildings.get(h).building().id()), null));
		}
	}

	private Estate estate(String communityKey, String name) {
		return places.estates(loader.scope(), name, ids.get(communityKey))
			.stream()
			.filter(e -> e.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo estate missing: " + name));
	}

	private PartyOrg org(UUID parentId, String name, PartyLevel level, boolean functional, UUID placeId) {
		return party.addOrg(loader, new NewPartyOrg(parentId, name, level, functional, false, placeId));
	}

	private void members(PartyOrg org, int count, MemberKind kind) {
		for (int i = 0; i < count; i++) {
			member(org, kind, null, null, null);
		}
	}

	private PartyMember member(PartyOrg org, MemberKind kind, String employer, UUID dualCommunityId,
			UUID dualEstateId) {
		String name = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
				+ GIVEN.charAt(random.nextInt(GIVEN.length()))
				+ (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
		MemberGender gender = random.nextInt(100) < 55 ? MemberGender.MALE : MemberGender.FEMALE;
		LocalDate joined = kind.isMember()
				? LocalDate.of(1975 + random.nextInt(48), 1 + random.nextInt(12), 1 + random.nextInt(28)) : null;
		return party.addMember(loader, new NewPartyMember(org.id(), name, gender, joined, kind, employer,
				dualCommunityId, dualEstateId, null));
	}
}
