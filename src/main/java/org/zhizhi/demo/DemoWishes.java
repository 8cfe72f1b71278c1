package org.zhizhi.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import org.zhizhi.shared.PlatformZone;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.wish.Taker;
import org.zhizhi.wish.TakerKind;
import org.zhizhi.wish.WishCategory;
import org.zhizhi.wish.WishHistory;
import org.zhizhi.wish.WishHistory.PastWish;

/**
 * The demo's micro-wishes (seed 003: 金银桥社区 fulfilled 100+ wishes through its in-service members): a year of
 * fulfilled wishes of 金银桥社区 and 东城社区, taken by the demo members 陈/刘/赵/孙党员, and a handful on each wall today.
 * Names of the people wished for are fictitious; fixed random seed.
 */
final class DemoWishes {

	static final int JINYINQIAO_FULFILLED = 104;

	static final int DONGCHENG_FULFILLED = 24;

	private static final String[][] WISHES = {
			{ "一台助行器", "腿脚不便，想要一台助行器方便下楼买菜。", "GOODS", "一位行动不便的老人" },
			{ "孩子的暑期辅导", "孩子数学跟不上，希望暑假有人辅导几次。", "STUDY", "一名留守儿童" },
			{ "一个新书包", "书包背带断了，开学想要一个新书包。", "GOODS", "一名小学生" },
			{ "上门理发", "常年卧床，想请人上门理一次发。", "CARE", "一位卧床老人" },
			{ "修好漏水的水龙头", "厨房水龙头漏水，自己修不了。", "REPAIR", "一位独居老人" },
			{ "陪老人聊聊天", "子女在外地，希望每周有人来陪着说说话。", "COMPANY", "一位空巢老人" },
			{ "一副老花镜", "眼镜摔坏了，看不清药盒上的字。", "GOODS", "一位独居老人" },
			{ "教用智能手机", "想学会用手机视频通话和扫码付款。", "STUDY", "一位老人" },
			{ "换一盏楼道灯", "家门口楼道灯坏了，晚上看不见台阶。", "REPAIR", "一户老人家庭" },
			{ "冬天的棉被", "家里的棉被太薄，想要一床厚棉被过冬。", "GOODS", "一户困难家庭" },
			{ "代买常用药", "每月要去医院开药，行动不便，希望有人代买。", "CARE", "一位慢性病老人" },
			{ "一套课外读物", "孩子爱看书，想要几本适合三年级的课外书。", "STUDY", "一名小学生" },
			{ "安装扶手", "卫生间想装一个扶手，防止滑倒。", "REPAIR", "一位高龄老人" },
			{ "一台电风扇", "夏天屋里太热，想要一台电风扇。", "GOODS", "一户困难家庭" },
			{ "陪同去医院复查", "需要去区医院复查，没人陪同。", "CARE", "一位独居老人" } };

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙" };

	private static final String[] GIVEN = { "秀英", "桂兰", "玉珍", "德明", "国华", "建国", "小雨", "子涵", "淑芬", "长青" };

	private static final String[] THANKS = { "谢谢党员同志！", "太感谢了，帮了大忙。", "感谢社区和志愿者。", "", "谢谢，心里暖暖的。" };

	private DemoWishes() {
	}

	/** Where the wishes are posted, who posts and vets them, and who takes them. */
	record Context(Instant now, OrgUnit community, List<OrgUnit> grids, UUID poster, String posterName, UUID staff,
			String staffName, List<Taker> members) {
	}

	static int load(WishHistory history, Function<String, UUID> accountIds, Function<UUID, OrgUnit> nodes,
			Map<String, UUID> ids, Instant now) {
		List<Taker> members = new ArrayList<>();
		String[] names = { "陈党员", "刘党员", "赵党员", "孙党员" };
		for (int n = 0; n < 4; n++) {
			members.add(new Taker(accountIds.apply("dangyuan0" + (n + 1)), names[n], TakerKind.MEMBER,
					accountIds.apply("dangyuan0" + (n + 1)), now));
		}
		List<PastWish> past = new ArrayList<>();
		past.addAll(of(new Context(now, nodes.apply(ids.get("jinyinqiao")), grids(ids, nodes, "jinyinqiao-g"),
				accountIds.apply("mudong"), "金银桥社区工作站", accountIds.apply("mudong"), "金银桥社区工作站", members),
				JINYINQIAO_FULFILLED, 5, 3));
		past.addAll(of(new Context(now, nodes.apply(ids.get("dongcheng")), grids(ids, nodes, "dongcheng-g"),
				accountIds.apply("jumin01"), "张居民", accountIds.apply("dongcheng"), "东城社区工作站", members),
				DONGCHENG_FULFILLED, 4, 2));
		return history.importAll(past);
	}

	private static List<OrgUnit> grids(Map<String, UUID> ids, Function<UUID, OrgUnit> nodes, String prefix) {
		List<OrgUnit> grids = new ArrayList<>();
		for (int n = 1; ids.containsKey(prefix + n); n++) {
			OrgUnit grid = nodes.apply(ids.get(prefix + n));
			// residents' grids only: the industrial-park grids have no households to wish
			if (grid.name().contains("社区")) {
				grids.add(grid);
			}
		}
		return grids;
	}

	/** {@code fulfilled} over the last year (the last {@code awaiting} not yet confirmed), and {@code open} on the wall. */
	static List<PastWish> of(Context c, int fulfilled, int open, int awaiting) {
		Random random = new Random(c.community().code().hashCode());
		LocalDate today = c.now().atZone(PlatformZone.DEFAULT).toLocalDate();
		List<PastWish> wishes = new ArrayList<>();
		for (int i = 0; i < fulfilled + open; i++) {
			String[] what = WISHES[random.nextInt(WISHES.length)];
			OrgUnit grid = c.grids().isEmpty() ? c.community() : c.grids().get(random.nextInt(c.grids().size()));
			String person = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
			boolean isOpen = i >= fulfilled;
			// spread over the past 360 days, oldest first; the open ones were posted in the last days
			Instant posted = isOpen ? c.now().minus(Duration.ofHours(6 + random.nextInt(72)))
					: c.now().minus(Duration.ofDays(360L * (fulfilled - i) / fulfilled + 2))
						.plus(Duration.ofMinutes(random.nextInt(600)));
			Instant published = posted.plus(Duration.ofMinutes(30 + random.nextInt(600)));
			LocalDate due = isOpen ? today.plusDays(10 + random.nextInt(20))
					: published.atZone(PlatformZone.DEFAULT).toLocalDate().plusDays(7 + random.nextInt(14));
			List<Taker> takers = new ArrayList<>();
			Instant fulfilledAt = null;
			Instant confirmedAt = null;
			String thanks = null;
			if (!isOpen) {
				Taker member = c.members().get(i % c.members().size());
				Instant taken = published.plus(Duration.ofMinutes(20 + random.nextInt(2 * 24 * 60)));
				takers.add(new Taker(member.takerId(), member.name(), TakerKind.MEMBER, member.accountId(), taken));
				fulfilledAt = taken.plus(Duration.ofHours(4 + random.nextInt(5 * 24)));
				if (fulfilledAt.isAfter(c.now())) {
					fulfilledAt = c.now().minus(Duration.ofHours(1));
				}
				if (i < fulfilled - awaiting) {
					confirmedAt = fulfilledAt.plus(Duration.ofHours(2 + random.nextInt(48)));
					if (confirmedAt.isAfter(c.now())) {
						confirmedAt = c.now();
					}
					thanks = THANKS[random.nextInt(THANKS.length)];
					thanks = thanks.isEmpty() ? null : thanks;
				}
			}
			wishes.add(new PastWish(grid, c.community(), what[0], what[1], what[3], WishCategory.valueOf(what[2]),
					person, due, c.poster(), c.posterName(), posted, c.staff(), c.staffName(), published, takers,
					fulfilledAt, fulfilledAt == null ? null : "已完成：" + what[0] + "已送到/办好。", confirmedAt, thanks));
		}
		return wishes;
	}
}
