package org.zhizhi.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.territory.GridDuty;
import org.zhizhi.territory.NewTeamMember;
import org.zhizhi.territory.TeamPosition;

/**
 * The 1+3+N teams of 东城社区's 15 grids: a grid leader, a full-time and a part-time grid worker, an instructor, and
 * three support forces (the community police officer, property staff and a volunteer, riders in every third grid).
 * The demo accounts dongcheng-g01 and dongcheng-g02 are the leader of grid 1 and the full-time worker of grid 2.
 * Names come from fixed lists by index, so every machine gets the same teams.
 */
final class DemoGridTeams {

	private static final String[] SURNAMES = { "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
			"何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁" };

	private static final String[] GIVEN = { "建国", "秀英", "志强", "丽娟", "海燕", "明辉", "桂芳", "春梅", "德明", "小红",
			"永华", "玉兰", "国庆", "晓东", "淑珍", "伟", "静", "敏", "磊", "芳", "军", "燕", "勇", "霞", "涛", "婷", "斌", "娜" };

	private static final Set<GridDuty> ALL_FIVE = Set.of(GridDuty.values());

	/** Accounts of the demo grid workers, by (grid number, position). */
	record KnownWorker(int grid, TeamPosition position, String displayName, UUID accountId) {
	}

	private DemoGridTeams() {
	}

	/** The members of grid {@code number} (1-based) of 东城社区. */
	static List<NewTeamMember> of(int number, Map<String, KnownWorker> known) {
		List<NewTeamMember> team = new ArrayList<>();
		int seed = number * 7;
		team.add(member(number, TeamPosition.GRID_LEADER, seed, "023-6655%04d", known,
				Set.of(GridDuty.GRID_WORKER, GridDuty.MEDIATOR)));
		team.add(member(number, TeamPosition.FULL_TIME, seed + 1, "138%08d", known, ALL_FIVE));
		team.add(member(number, TeamPosition.PART_TIME, seed + 2, "139%08d", known,
				Set.of(GridDuty.POLICY_PROMOTER, GridDuty.OPINION_COLLECTOR)));
		team.add(member(number, TeamPosition.INSTRUCTOR, seed + 3, "023-6655%04d", known,
				Set.of(GridDuty.POLICY_PROMOTER)));
		team.add(member(number, TeamPosition.POLICE, seed + 4, "023-6288%04d", known, Set.of(GridDuty.MEDIATOR)));
		team.add(member(number, TeamPosition.PROPERTY, seed + 5, "136%08d", known,
				Set.of(GridDuty.ENVIRONMENT_KEEPER)));
		team.add(member(number, number % 3 == 0 ? TeamPosition.RIDER : TeamPosition.VOLUNTEER, seed + 6, "137%08d",
				known, Set.of(GridDuty.OPINION_COLLECTOR)));
		return team;
	}

	static String key(int grid, TeamPosition position) {
		return grid + "/" + position;
	}

	private static NewTeamMember member(int grid, TeamPosition position, int seed, String phonePattern,
			Map<String, KnownWorker> known, Set<GridDuty> duties) {
		KnownWorker worker = known.get(key(grid, position));
		String name = worker != null ? worker.displayName()
				: SURNAMES[(seed * 11) % SURNAMES.length] + GIVEN[(seed * 13) % GIVEN.length];
		long number = phonePattern.startsWith("023") ? 1000L + grid * 10 + position.ordinal()
				: 50_000_000L + grid * 1000L + position.ordinal();
		return new NewTeamMember(position, name, worker == null ? null : worker.accountId(),
				String.format(Locale.ROOT, phonePattern, number), duties);
	}
}
