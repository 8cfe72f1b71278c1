package org.zhizhi.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.PeopleViews.ResidentSearch;
import org.zhizhi.people.PeopleViews.ResidentSummary;
import org.zhizhi.people.ResidentTag;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.volunteer.Pairing;
import org.zhizhi.volunteer.PairingNeed;
import org.zhizhi.volunteer.Team;
import org.zhizhi.volunteer.VolunteerHistory;

/**
 * 结对帮扶 in the demo. 下新新社区 (seed 001): 红灯笼's volunteers paired one to one with the elders of 80 and more who
 * live alone in 新河街, visiting every month (the seed: four small teams; 便民代办 found 8 such households) — a year of
 * monthly visits, two of them now missed. 东城社区, for the walk-through: dangyuan04 looks after an elder living alone,
 * his next visit due in three days; dangyuan01 another, two days late.
 */
final class DemoPairings {

	/** The 8 households of elders living alone that 下新新's 便民代办 found and keeps in touch with (seed 001). */
	static final int XIAXINXIN_PAIRS = 8;

	private static final String[] NOTES = { "老人身体还好，血压正常，陪聊了半小时。", "帮忙代缴了水电费，检查了燃气阀门。",
			"送去社区发的米和油，提醒按时吃药。", "帮忙更换了厨房灯泡，清理了阳台杂物。", "老人说腿脚不便，已联系社区卫生站上门。",
			"陪老人去银行办了退休资格认证。" };

	private DemoPairings() {
	}

	static int load(VolunteerHistory history, PeopleQueries people, Function<UUID, OrgUnit> nodes,
			Map<String, UUID> ids, Map<String, DataScope> scopes, Map<String, UUID> accounts, Instant now,
			ZoneId zone) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		OrgUnit xiaxinxin = nodes.apply(ids.get("xiaxinxin"));
		Team lantern = history.teamNamed(xiaxinxin, "红灯笼志愿服务队").orElseThrow();
		// the elders of 80 and more living alone first, then the other elders living alone
		List<ResidentSummary> alone = eldersAlone(people, "下新新社区", scopes.get("xiaxinxin"));
		List<ResidentSummary> elders = java.util.stream.Stream.concat(
				alone.stream().filter(r -> r.tags().contains(ResidentTag.AGED_80_PLUS)),
				alone.stream().filter(r -> !r.tags().contains(ResidentTag.AGED_80_PLUS)))
			.toList();
		int paired = 0;
		for (ResidentSummary elder : elders.stream().limit(XIAXINXIN_PAIRS).toList()) {
			int n = paired;
			UUID helper = DemoVolunteer.named("lantern:" + n);
			String helperName = DemoVolunteer.NAMES[(n * 3) % DemoVolunteer.NAMES.length];
			LocalDate start = today.minusMonths(11).minusDays(n);
			UUID id = history.paired(terms(nodes.apply(elder.gridId()), lantern.id(), helper, helperName, elder, start),
					start.atTime(10, 0).atZone(zone).toInstant());
			// monthly, the latest a few days ago; the last two pairs missed this month's visit (flagged on the lists)
			boolean missed = n >= XIAXINXIN_PAIRS - 2;
			for (int m = 9; m >= (missed ? 1 : 0); m--) {
				LocalDate on = today.minusDays(30L * m + 3 + (m + n) % 10);
				history.visited(id, on, NOTES[(m + n) % NOTES.length], helper, helperName,
						on.atTime(19, 30).atZone(zone).toInstant());
			}
			paired++;
		}

		// 东城社区, for the walk-through
		List<ResidentSummary> dongcheng = eldersAlone(people, "东城社区", scopes.get("dongcheng-g1"));
		String[][] plan = { { "dangyuan04", "孙党员", "27" }, { "dangyuan01", "陈党员", "32" } };
		for (int k = 0; k < plan.length && k < dongcheng.size(); k++) {
			ResidentSummary elder = dongcheng.get(k);
			LocalDate start = today.minusDays(70);
			UUID helper = accounts.get(plan[k][0]);
			UUID id = history.paired(terms(nodes.apply(elder.gridId()), null, helper, plan[k][1], elder, start),
					start.atTime(10, 0).atZone(zone).toInstant());
			LocalDate last = today.minusDays(Long.parseLong(plan[k][2]));
			history.visited(id, last.minusDays(30), NOTES[k], helper, plan[k][1],
					last.minusDays(30).atTime(18, 0).atZone(zone).toInstant());
			history.visited(id, last, NOTES[k + 2], helper, plan[k][1], last.atTime(18, 0).atZone(zone).toInstant());
			paired++;
		}
		return paired;
	}

	private static Pairing.Terms terms(OrgUnit grid, UUID teamId, UUID helper, String helperName,
			ResidentSummary elder, LocalDate start) {
		return new Pairing.Terms(grid.id(), grid.name(), grid.path(), DataScope.districtOf(grid.path()), teamId, helper,
				helperName, elder.id(), elder.name(), elder.dwellingLabel(), PairingNeed.ELDER_ALONE, 30, start);
	}

	/** The elders living alone of a scope, as its desk finds them, in a stable order. */
	private static List<ResidentSummary> eldersAlone(PeopleQueries people, String deskName, DataScope scope) {
		Actor desk = new Actor(new UUID(0, 0), "demo", deskName, Set.of(Role.COMMUNITY_STAFF), scope);
		List<ResidentSummary> all = new java.util.ArrayList<>();
		for (int page = 0;; page++) {
			List<ResidentSummary> some = people.search(desk, new ResidentSearch(null, null, null, ResidentTag.ELDER_ALONE,
					null, null, null, false, page, ResidentSearch.MAX_SIZE))
				.items();
			all.addAll(some);
			if (some.size() < ResidentSearch.MAX_SIZE) {
				break;
			}
		}
		return all.stream().sorted(java.util.Comparator.comparing(ResidentSummary::id)).toList();
	}
}
