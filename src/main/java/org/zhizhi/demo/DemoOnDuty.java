package org.zhizhi.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.PlatformZone;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.PlaceQueries;
import org.zhizhi.volunteer.MemberKind;
import org.zhizhi.volunteer.Team;
import org.zhizhi.volunteer.TeamKind;
import org.zhizhi.volunteer.VolunteerHistory;
import org.zhizhi.volunteer.VolunteerHistory.Arrival;

/**
 * 巴南区 at work the moment the demo is loaded: four activities of its communities' teams under way, with volunteers
 * checked in on the spot — so that the command centre's 在岗志愿者 and the desks' 此刻在岗志愿者 show a working day,
 * not a district where nobody serves. The work is the seeds': 东城社区's 一抹红 patrol (002: a loudhailer, a torch, a red
 * vest and a red cap; patrols round the clock), its 为老 team's monthly clinic (002), 红灯笼's volunteers taking turns
 * at the 微孝热线 (001: 志愿者、网格员轮流坐班) and 龙锦's 先锋骑士 reporting hazards on their rounds (001).
 *
 * <p>Times are relative to the loader's clock, as the demo's other dated things are: each activity began an hour or
 * two before the whole hour of the load and runs at least three hours past it, so the panel is full however long a
 * walk-through (or a test run, whose clock starts at the same instant) lasts. The people checked in are those of the
 * teams' paper records (ids from {@link DemoVolunteer#named}), never an account a test signs in with, so that a test
 * checking someone in and out of his own activity counts him alone.
 */
final class DemoOnDuty {

	/** An activity under way and how many were checked in at it, for the test that reads them back. */
	record Shift(String community, String title, int checkedIn) {
	}

	/** The four activities the demo puts under way, by their titles: {@code DemoFiguresIntegrationTests} reads them. */
	static final List<Shift> SHIFTS = List.of(new Shift("东城社区", "一抹红平安巡逻（白班）", 6),
			new Shift("东城社区", "为老义诊进楼栋", 5), new Shift("下新新社区", "微孝热线轮流坐班", 2),
			new Shift("龙锦社区", "先锋骑士沿街巡查", 4));

	private DemoOnDuty() {
	}

	static int load(VolunteerHistory history, PlaceQueries places, Function<UUID, OrgUnit> nodes,
			Map<String, UUID> ids, Map<String, DataScope> scopes, Instant now) {
		Instant hour = now.truncatedTo(ChronoUnit.HOURS);
		int checkedIn = 0;

		// 东城社区's 一抹红: the seeds' patrol team, which the year's records did not bring in; its day shift
		OrgUnit dongcheng = nodes.apply(ids.get("dongcheng"));
		double[] dongchengVenue = DemoVolunteer.venue(places, scopes.get("dongcheng"), "东城公租房");
		Team patrol = history.team(dongcheng, "一抹红巡逻队", TeamKind.PARTY, null, "东城社区 党员 周队长",
				"“一个小喇叭、一把手电筒、一件红马甲、一顶小红帽”，每天平安巡逻、文明劝导、普法宣传，结合雪亮工程 24 小时不间断巡逻。",
				hour.minus(Duration.ofDays(400)));
		List<Arrival> patrollers = new ArrayList<>();
		for (int n = 0; n < 10; n++) {
			UUID id = DemoVolunteer.named("patrol:" + n);
			String name = DemoVolunteer.NAMES[(n * 11 + 5) % DemoVolunteer.NAMES.length];
			history.member(patrol, id, name, n < 4 ? MemberKind.MEMBER : MemberKind.RESIDENT,
					hour.atZone(PlatformZone.DEFAULT).toLocalDate().minusYears(1));
			if (n < 6) {
				patrollers.add(new Arrival(id, name, null));
			}
		}
		checkedIn += shift(history, patrol, SHIFTS.get(0), "巡逻平安、劝导电动车不进楼道、宣传防诈骗，每 2 小时绕公租房一圈",
				"东城公租房 1 栋门岗出发", dongchengVenue, hour.minus(Duration.ofHours(2)), Duration.ofHours(9),
				patrollers, now);

		// its 为老 team's clinic, taken to the buildings: the team's medical volunteers (the records' 20th to 24th)
		Team elderly = history.teamNamed(dongcheng, "东城为老服务队").orElseThrow();
		List<Arrival> carers = new ArrayList<>();
		for (int n = 20; n < 25; n++) {
			carers.add(new Arrival(DemoVolunteer.named("elderly:" + n),
					DemoVolunteer.NAMES[n % DemoVolunteer.NAMES.length] + "（医护）", null));
		}
		checkedIn += shift(history, elderly, SHIFTS.get(1), "测血压血糖、健康咨询，为行动不便的老人上门义诊",
				"东城公租房 3 栋楼下", dongchengVenue, hour.minus(Duration.ofHours(1)), Duration.ofHours(5), carers, now);

		// 红灯笼 (下新新): two of its residents at the 微孝热线, taking down what the elders need done at home
		OrgUnit xiaxinxin = nodes.apply(ids.get("xiaxinxin"));
		Team lantern = history.teamNamed(xiaxinxin, "红灯笼志愿服务队").orElseThrow();
		List<Arrival> hotline = new ArrayList<>();
		for (int n = 9; n < 11; n++) {
			hotline.add(new Arrival(DemoVolunteer.named("lantern:" + n), DemoVolunteer.NAMES[(n * 3) % DemoVolunteer.NAMES.length],
					null));
		}
		checkedIn += shift(history, lantern, SHIFTS.get(2), "接听微孝热线，登记老人需上门代办的事项，转网格员安排",
				"新河街 党群服务站", DemoVolunteer.venue(places, scopes.get("xiaxinxin"), "新河街"),
				hour.minus(Duration.ofHours(1)), Duration.ofHours(5), hotline, now);

		// 先锋骑士 (龙锦): riders between orders, reporting broken manhole covers and hazards on their way
		OrgUnit longjin = nodes.apply(ids.get("longjin"));
		Team riders = history.teamNamed(longjin, "先锋骑士志愿服务队").orElseThrow();
		List<Arrival> round = new ArrayList<>();
		for (int n = 13; n < 17; n++) {
			round.add(new Arrival(DemoVolunteer.named("rider:" + n),
					DemoVolunteer.NAMES[n % DemoVolunteer.NAMES.length] + "（骑手）", null));
		}
		checkedIn += shift(history, riders, SHIFTS.get(3), "送单途中巡查井盖、路灯、占道，随手拍上报",
				"龙锦公寓 骑手驿站", DemoVolunteer.venue(places, scopes.get("longjin"), "龙锦公寓"),
				hour.minus(Duration.ofHours(2)), Duration.ofHours(6), round, now);
		return checkedIn;
	}

	/**
	 * Puts the activity on from {@code start} for {@code length}, its people arriving one after another between its
	 * start and now (the first on time, the last a little before now).
	 */
	private static int shift(VolunteerHistory history, Team team, Shift shift, String description, String place,
			double[] venue, Instant start, Duration length, List<Arrival> people, Instant now) {
		if (people.size() != shift.checkedIn()) {
			throw new IllegalStateException("the plan of " + shift.title() + " names " + shift.checkedIn() + " people");
		}
		Duration since = Duration.between(start, now);
		List<Arrival> arrivals = new ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			Arrival a = people.get(i);
			arrivals.add(new Arrival(a.personId(), a.name(), start.plus(since.multipliedBy(i).dividedBy(people.size()))));
		}
		history.underWay(team, shift.title(), description, place, venue[0], venue[1], start, start.plus(length),
				people.size() + 4,
				team.leaderId() != null ? team.leaderId() : DemoVolunteer.named("organiser:" + team.name()),
				team.leaderName(), arrivals);
		return arrivals.size();
	}
}
