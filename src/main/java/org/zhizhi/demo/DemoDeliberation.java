package org.zhizhi.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.deliberation.DeliberationHistory;
import org.zhizhi.deliberation.DeliberationHistory.PastMoney;
import org.zhizhi.deliberation.DeliberationHistory.PastTask;
import org.zhizhi.deliberation.FundSource;
import org.zhizhi.deliberation.DeliberationHistory.PastTopic;
import org.zhizhi.deliberation.MeetingFormat;
import org.zhizhi.deliberation.MeetingRhythm;
import org.zhizhi.deliberation.PlaceKind;
import org.zhizhi.deliberation.RaisedThrough;
import org.zhizhi.deliberation.VoteRule;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.PlaceQueries;

/**
 * The seeds' deliberation, replayed: 新河街's self-management group and its 逢四说事 on the 4th of every month, whose
 * topic "聘请保洁员，每户每月10元" went through all five stages — five rounds of opinions, all 380 households agreeing,
 * two cleaners hired, 12 members and 9 residents as building guardians collecting the fee (001); 东城社区's monthly
 * residents' representatives' consultation (002); a 小哥圆桌会 at 龙锦社区 with the riders (001).
 */
final class DemoDeliberation {

	private DemoDeliberation() {
	}

	/** A photographed voucher, as the team kept its receipts (a plain image: the demo has no real paper). */
	private static byte[] voucher() {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(480, 320,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			java.awt.Graphics2D g = image.createGraphics();
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, 480, 320);
			g.setColor(new java.awt.Color(200, 16, 46));
			g.drawRect(20, 20, 440, 280);
			g.dispose();
			java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "jpg", jpeg);
			return jpeg.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static int load(DeliberationHistory history, PlaceQueries places, Map<String, UUID> ids,
			Map<String, DataScope> scopes, Instant now, ZoneId zone) {
		DataScope xiaxinxin = scopes.get("xiaxinxin");
		Actor group = new Actor(new UUID(0, 0), "demo", "新河街自管小组", Set.of(Role.COMMUNITY_STAFF), xiaxinxin);
		UUID xinhe = places.estates(xiaxinxin, "新河街", null).stream()
			.filter(e -> e.name().equals("新河街"))
			.map(Estate::id)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo estate missing: 新河街"));

		// the topic, from raising to closing, in the five months before today
		Instant raised = now.minus(Duration.ofDays(148)).atZone(zone).toLocalDate().atTime(9, 0).atZone(zone).toInstant();
		Instant opened = raised.plus(Duration.ofDays(45));
		Instant closed = opened.plus(Duration.ofDays(10));
		LocalDate closedOn = closed.atZone(zone).toLocalDate();
		Instant hired = closed.plus(Duration.ofDays(12));
		Instant guardians = hired.plus(Duration.ofDays(12));
		UUID cleaners = history.replay(group, new PastTopic(PlaceKind.ESTATE, xinhe, "聘请保洁员，每户每月10元",
				"新河街 12 栋楼没有物业，楼道和院坝没人打扫。楼栋群里大家提出：由自管小组聘请保洁员，每户每月交 10 元保洁费，"
						+ "守护楼员收缴并每月公示。",
				RaisedThrough.GROUP_CHAT, "新河街自管小组", raised, 5, VoteRule.HOUSEHOLD_MAJORITY, opened, closed, 380, 0, 0,
				List.of(new PastTask("聘请 2 名保洁员，负责 12 栋楼道和院坝", "新河街自管小组", closedOn.plusDays(14),
						"聘请保洁员 2 名，签订服务协议，按日清扫", hired),
						new PastTask("每户每月 10 元保洁费收缴、公示", "守护楼员（12 名党员、9 名居民）", closedOn.plusDays(30),
								"守护楼员分楼收缴，每月在楼栋公示栏和楼栋群公示收支", guardians)),
				160, 5, guardians.plus(Duration.ofDays(15))));

		// 逢四说事: every month of the past year, the month of the vote with the topic on its agenda
		YearMonth current = YearMonth.from(now.atZone(zone));
		YearMonth until = MeetingRhythm.dayIn(current, 4).atTime(19, 0).atZone(zone).toInstant().isBefore(now)
				? current : current.minusMonths(1);
		YearMonth first = until.minusMonths(10);
		YearMonth voteMonth = YearMonth.from(opened.atZone(zone));
		List<UUID> agenda = new ArrayList<>();
		for (YearMonth m = first; !m.isAfter(until); m = m.plusMonths(1)) {
			agenda.add(m.equals(voteMonth) ? cleaners : null);
		}
		history.monthlySeries(group, MeetingFormat.FOURTH_DAY_TALK, PlaceKind.ESTATE, xinhe, "新河街逢四说事",
				"新河街院坝议事亭", LocalTime.of(19, 0), first, until,
				List.of("街道、社区、自管小组和居民到场。收集楼栋群和入户走访的问题 6 件：楼道灯 2 件当场交守护楼员，"
						+ "下水道堵塞转社区吹哨，其余列入下月。",
						"到场居民 31 户。保洁费收支公示无异议；大树修枝、外墙排危小组解决不了，提交党群议事会。",
						"到场居民 27 户。讨论加装电梯意向摸底，3 栋、7 栋过半，下月请街道和企业介绍政策。"),
				agenda, now);

		// a path repaired by co-funding (004, told here at 走马二村, whose 318 households live in the demo): ¥30 a household, 民泰基金 and the street, a 9-person team
		DataScope zoumaliang = scopes.get("zoumaliang");
		Actor selfGoverned = new Actor(new UUID(0, 0), "demo", "走马二村自治小组", Set.of(Role.COMMUNITY_STAFF), zoumaliang);
		UUID zouma = places.estates(zoumaliang, "走马二村", null).stream()
			.filter(e -> e.name().equals("走马二村"))
			.map(Estate::id)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo estate missing: 走马二村"));
		Instant pathRaised = now.minus(Duration.ofDays(120)).atZone(zone).toLocalDate().atTime(10, 0).atZone(zone)
			.toInstant();
		Instant pathClosed = pathRaised.plus(Duration.ofDays(30));
		LocalDate pathDecided = pathClosed.atZone(zone).toLocalDate();
		history.replay(selfGoverned, new PastTopic(PlaceKind.ESTATE, zouma, "修缮小区步道（共筹共建）",
				"小区中心步道年久失修，坑洼积水，老人摔倒过。院坝会上大家提议：每户出 30 元，再请民泰基金和街道支持，"
						+ "由居民志愿队自己设计、采购、施工、监督。",
				RaisedThrough.MEETING, "走马二村自治小组", pathRaised, 2, VoteRule.HOUSEHOLD_MAJORITY,
				pathRaised.plus(Duration.ofDays(20)), pathClosed, 240, 37, 20,
				List.of(new PastTask("设计步道方案", "9 人志愿队", pathDecided.plusDays(10), "方案经院坝会通过",
						pathClosed.plus(Duration.ofDays(8))),
						new PastTask("采购透水砖、水泥、砂石", "9 人志愿队", pathDecided.plusDays(20), "三家比价采购，票据公示",
								pathClosed.plus(Duration.ofDays(18))),
						new PastTask("施工与监督验收", "9 人志愿队", pathDecided.plusDays(45), "步道 260 米完工，自治小组验收",
								pathClosed.plus(Duration.ofDays(42)))),
				96, 5, pathClosed.plus(Duration.ofDays(60))),
				new DeliberationHistory.PastFund(new BigDecimal("49000"), new BigDecimal("30"), 205,
						List.of(new PastMoney(FundSource.FOUNDATION, "民泰基金", new BigDecimal("25000")),
								new PastMoney(FundSource.STREET, "花溪街道", new BigDecimal("18000"))),
						List.of(new PastMoney(null, "透水砖、水泥、砂石", new BigDecimal("36500")),
								new PastMoney(null, "扶手护栏和步道照明", new BigDecimal("9800")),
								new PastMoney(null, "志愿队工具和意外保险", new BigDecimal("1200"))),
						voucher()));

		// 东城社区's residents' representatives, monthly
		DataScope dongcheng = scopes.get("dongcheng");
		Actor community = new Actor(new UUID(0, 0), "demo", "东城社区居委会", Set.of(Role.COMMUNITY_STAFF), dongcheng);
		YearMonth lastHeld = MeetingRhythm.dayIn(current, 25).atTime(19, 30).atZone(zone).toInstant().isBefore(now)
				? current : current.minusMonths(1);
		history.monthlySeries(community, MeetingFormat.REPRESENTATIVES, PlaceKind.COMMUNITY, ids.get("dongcheng"),
				"东城社区居民代表议事协商会议", "东城社区党群服务中心三楼会议室", LocalTime.of(19, 30), lastHeld.minusMonths(5),
				lastHeld,
				List.of("到会居民代表 21 人。议定：公租房 3 栋电瓶车集中充电点选址，交物业和供电所实施。",
						"到会居民代表 19 人。通报上月议定事项办理情况；讨论书记坝坝茶收集的 5 件小事。",
						"到会居民代表 23 人。议定：睦邻志愿队每月第二个周六清理楼道杂物。"),
				List.of(), now);

		// a 小哥圆桌会 at 龙锦社区
		DataScope longjin = scopes.get("longjin");
		Actor longjinDesk = new Actor(new UUID(0, 0), "demo", "龙锦社区", Set.of(Role.COMMUNITY_STAFF), longjin);
		history.heldMeeting(longjinDesk, MeetingFormat.RIDERS_ROUNDTABLE, PlaceKind.COMMUNITY, ids.get("longjin"),
				"小哥圆桌会", "龙锦社区先锋骑士驿站", now.minus(Duration.ofDays(40)),
				"街道、社区、交巡警和 14 名外卖快递小哥参加。小哥提出：小区禁止电动车进入、送餐难；议定在 3 个小区门口设临时停车点，"
						+ "驿站增加充电柜；小哥加入先锋骑士队参与巡查。",
				List.of("龙洲湾街道 党工委", "龙锦社区 党委", "交巡警龙洲湾大队", "美团骑手 刘师傅", "顺丰快递 陈师傅"));
		return 1;
	}

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙" };

	private static final String[] GIVEN = { "建国", "秀英", "志强", "桂兰", "德明", "玉珍", "国庆", "淑芬", "永福", "丽华",
			"长林", "素琴", "光明", "翠英", "洪波", "凤英", "家俊", "春梅", "启明", "兰芳", "世平" };

	/**
	 * The self-governance the seeds describe: 新河街's self-management group and its building guardians — 12 party
	 * members and 9 residents, each looking after a building (001); 钱佳花园's 四个一 complete — a proposal letter, a
	 * supervision team, a self-governance convention and a residents' consultation (000).
	 */
	static void loadGovernance(org.zhizhi.deliberation.SelfGovernance governance,
			org.zhizhi.deliberation.DeliberationManagement topics, DeliberationHistory history, PlaceQueries places,
			Map<String, DataScope> scopes, Instant now, ZoneId zone) {
		LocalDate today = now.atZone(zone).toLocalDate();
		DataScope xiaxinxin = scopes.get("xiaxinxin");
		Actor group = new Actor(new UUID(0, 0), "demo", "下新新社区", Set.of(Role.COMMUNITY_STAFF), xiaxinxin);
		UUID xinhe = estate(places, xiaxinxin, "新河街");
		governance.createBody(group, new org.zhizhi.deliberation.CreateBody(xinhe,
				org.zhizhi.deliberation.BodyKind.SELF_MANAGEMENT_GROUP, "新河街自管小组", today.minusYears(2), null));
		UUID guardians = governance.createBody(group, new org.zhizhi.deliberation.CreateBody(xinhe,
				org.zhizhi.deliberation.BodyKind.GUARDIANS, "新河街守护楼员", today.minusMonths(4), null));
		List<UUID> buildings = places.buildingsOfEstate(xiaxinxin, xinhe)
			.stream()
			.map(b -> b.building().id())
			.toList();
		for (int i = 0; i < 21; i++) {
			boolean member = i < 12;
			governance.addMember(group, guardians, new org.zhizhi.deliberation.AddBodyMember(
					SURNAMES[i % SURNAMES.length] + GIVEN[i], member ? "党员守护楼员" : "居民守护楼员", member,
					buildings.get(i % buildings.size()), today.minusMonths(4)));
		}

		DataScope jinyinqiao = scopes.get("jinyinqiao");
		Actor community = new Actor(new UUID(0, 0), "demo", "金银桥社区", Set.of(Role.COMMUNITY_STAFF), jinyinqiao);
		UUID qianjia = estate(places, jinyinqiao, "钱佳花园");
		governance.createBody(community, new org.zhizhi.deliberation.CreateBody(qianjia,
				org.zhizhi.deliberation.BodyKind.SUPERVISORY, "钱佳花园居民监督队", today.minusYears(1), today.plusYears(2)));
		UUID letter = governance.draft(community, new org.zhizhi.deliberation.DraftConvention(qianjia,
				org.zhizhi.deliberation.ConventionKind.PROPOSAL, "钱佳花园文明安置倡议书", null,
				"致钱佳花园全体居民：从农村到城市，我们是新市民。倡议大家垃圾分类投放、不在公共区域种菜堆物、"
						+ "车辆有序停放、邻里互帮互助，共同建设文明和谐的新家园。"));
		UUID convention = governance.draft(community, new org.zhizhi.deliberation.DraftConvention(qianjia,
				org.zhizhi.deliberation.ConventionKind.CONVENTION, "钱佳花园居民自治公约", null,
				"一、爱护公共设施，不私搭乱建、不占用消防通道；二、生活垃圾分类投放；三、文明养犬；"
						+ "四、邻里纠纷先协商、再调解；五、积极参与小区议事和志愿服务。"));
		for (UUID topic : List.of(letter, convention)) {
			topics.admit(community, topic);
			topics.recordDecision(community, topic, new org.zhizhi.deliberation.RecordDecision(VoteRule.REPRESENTATIVES,
					true, "居民代表议事协商会议讨论，一致通过，在小区公示栏和楼栋群公布。"));
		}
		history.heldMeeting(community, MeetingFormat.COURTYARD, PlaceKind.ESTATE, qianjia, "钱佳花园院坝会",
				"钱佳花园中心院坝", now.minus(Duration.ofDays(21)),
				"功能型党支部召集，居民 42 户到场。一次居民协商：议定公共区域种菜清理和停车划线，监督队跟进。",
				List.of("钱佳花园功能型党支部", "金银桥社区居委会", "钱佳花园居民监督队"));
	}

	/**
	 * 长生雅苑 (004): parked cars fill the fire lane, the gate jams for an hour or two, fire engines stuck outside,
	 * residents block the road. The branch held its committee and a members' meeting, invited the 自管会 and the
	 * residents' representatives, and asked the residents at a 院坝会; its decision became the clearing of outside cars,
	 * a widened lane and an open-air car park the residents paid for, and a road they hardened themselves — with a
	 * digger lent free by an owner who had been against it.
	 */
	static void loadFireLane(DeliberationHistory history, PlaceQueries places, Map<String, DataScope> scopes,
			Instant now, ZoneId zone) {
		DataScope taohuaqiao = scopes.get("taohuaqiao");
		Actor branch = new Actor(new UUID(0, 0), "demo", "长生雅苑党支部", Set.of(Role.COMMUNITY_STAFF), taohuaqiao);
		UUID estate = estate(places, taohuaqiao, "长生雅苑");
		Instant raised = now.minus(Duration.ofDays(200)).atZone(zone).toLocalDate().atTime(9, 0).atZone(zone).toInstant();
		Instant courtyard = raised.plus(Duration.ofDays(18)).atZone(zone).toLocalDate().atTime(19, 0).atZone(zone)
			.toInstant();
		Instant decided = courtyard.plus(Duration.ofDays(7));
		LocalDate decidedOn = decided.atZone(zone).toLocalDate();
		UUID lane = history.replayDecidedByMeeting(branch, new PastTopic(PlaceKind.ESTATE, estate, "打通消防通道“生命通道”",
				"小区车位紧张，消防通道挤满乱停乱放的车辆，上下班在小区门口堵一两个小时，多次发生消防车被堵在小区外的情况，"
						+ "有居民堵路、群访表达不满。党支部提出：清理外来车辆，拓宽车道，修建露天停车场，大家一起想办法。",
				RaisedThrough.MEETING, "长生雅苑党支部", raised, 2, VoteRule.BRANCH, null, decided, 0, 0, 0,
				List.of(new PastTask("清理占用消防通道的外来车辆，施划禁停标线", "长生雅苑自管会", decidedOn.plusDays(7),
						"外来车辆全部劝离，消防通道施划禁停网格线，自管会每晚巡查", decided.plus(Duration.ofDays(6))),
						new PastTask("拓宽车道、修建露天停车场", "党员带头，居民筹资出力", decidedOn.plusDays(60),
								"居民主动筹资，车道拓宽，新建露天停车场", decided.plus(Duration.ofDays(55))),
						new PastTask("平整场地、硬化路面", "党员和居民志愿者", decidedOn.plusDays(75),
								"居民共同出力硬化路面；原先“唱反调”的业主免费提供挖掘机平整场地",
								decided.plus(Duration.ofDays(70)))),
				0, 0, decided.plus(Duration.ofDays(85))),
				"支委会、党员大会先后研究，邀请自管会和居民代表共同协商整改方案，并经院坝会征求居民意见。决定：清理外来车辆，"
						+ "施划消防通道禁停线；拓宽车道，修建露天停车场，费用由居民自愿筹集；党员带头出工硬化路面。");
		history.heldMeeting(branch, MeetingFormat.COURTYARD, PlaceKind.ESTATE, estate, "长生雅苑院坝会（消防通道整治）",
				"长生雅苑中心院坝", courtyard,
				"党支部召集，自管会、居民代表和居民 60 余户参加。通报消防车被堵情况和整改方案：清理外来车辆、拓宽车道、"
						+ "修建露天停车场。多数居民赞成并愿意出资出力，少数业主担心占用绿地，党员逐户沟通。意见汇总报支委会。",
				List.of("长生雅苑党支部", "长生雅苑自管会", "居民代表", "桃花桥社区"), List.of(lane));
	}

	/**
	 * 东城社区 6栋: residents asked at a 院坝会 for a lift; the grid reported it as an incident, triaged a community
	 * matter "for deliberation, whistle once the households agree" — and the desk turned it into a topic (转议事), whose
	 * opinions are being gathered.
	 */
	static void loadFromIncident(DeliberationHistory history, IncidentQueries incidents, PlaceQueries places,
			Map<String, UUID> ids, Map<String, DataScope> scopes) {
		DataScope dongcheng = scopes.get("dongcheng");
		IncidentView lift = incidents.list(dongcheng, IncidentState.TRIAGED, ids.get("dongcheng-g6"), 0)
			.stream()
			.filter(incident -> incident.categoryCode().equals("ELEVATOR_RETROFIT"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo incident missing: 6栋 lift"));
		Actor desk = new Actor(new UUID(0, 0), "demo", "东城社区居委会", Set.of(Role.COMMUNITY_STAFF), dongcheng);
		UUID estate = estate(places, dongcheng, "东城公租房");
		var building = places.buildingsOfEstate(dongcheng, estate)
			.stream()
			.filter(b -> b.building().name().equals("6栋"))
			.findFirst();
		history.raisedFromIncident(desk, building.isPresent() ? PlaceKind.BUILDING : PlaceKind.ESTATE,
				building.map(b -> b.building().id()).orElse(estate), "6栋加装电梯",
				"6栋居民在院坝会上提出加装电梯。加装电梯须经本栋业主表决同意，费用分摊和低层住户的顾虑要先议清楚，"
						+ "请各户发表意见。",
				lift.id(), lift.reportedAt().plus(Duration.ofHours(2)), 2);
	}

	private static UUID estate(PlaceQueries places, DataScope scope, String name) {
		return places.estates(scope, name, null)
			.stream()
			.filter(e -> e.name().equals(name))
			.map(Estate::id)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo estate missing: " + name));
	}
}
