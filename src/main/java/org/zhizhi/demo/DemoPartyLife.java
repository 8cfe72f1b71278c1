package org.zhizhi.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.party.AppraisalCommands.AssessBranch;
import org.zhizhi.party.AppraisalCommands.OpenAppraisal;
import org.zhizhi.party.AppraisalCommands.RecordResult;
import org.zhizhi.party.AppraisalGrade;
import org.zhizhi.party.Appraisals;
import org.zhizhi.party.BranchMeeting;
import org.zhizhi.party.BranchMeetings;
import org.zhizhi.party.DutyCommands.NewDutyPost;
import org.zhizhi.party.DutyCommands.NewOnceShift;
import org.zhizhi.party.DutyCommands.NewWeeklyShift;
import org.zhizhi.party.DutyPost;
import org.zhizhi.party.DutyPostKind;
import org.zhizhi.party.DutyPosts;
import org.zhizhi.party.MeetingCommands.HoldMeeting;
import org.zhizhi.party.MeetingCommands.RecordAttendance;
import org.zhizhi.party.MeetingCommands.ScheduleMeeting;
import org.zhizhi.party.MeetingKind;
import org.zhizhi.party.PartyManagement;
import org.zhizhi.party.PartyMember;
import org.zhizhi.party.PartyOrg;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.property.Scorecard;
import org.zhizhi.shared.Actor;

/**
 * Organisational life in the demo district, relative to the day it is loaded: 东城社区's members dangyuan01–04 linked
 * to their accounts; its committee's theme days, lectures and members' meetings of the last months with their sign-in
 * sheets and minutes — but no committee meeting last month, so 东城社区党委 shows behind its rhythm — and today's theme
 * day half an hour ahead, which dangyuan01 signs in to on his phone; 钱佳花园's branch on its rhythm, its 民主评议 of last
 * year closed with every member's result and its assessment of last year on the PARTY_BRANCH template. Duty posts
 * (seed 004's 党员示范岗 at the gates, seed 000's 红岩党员责任区): 东城公租房's gate post round the clock every day, a
 * night duty zone in the second grid, 龙锦's riders' zone.
 */
final class DemoPartyLife {

	record Services(PartyManagement party, PartyQueries queries, DutyPosts duty, BranchMeetings meetings,
			Appraisals appraisals) {
	}

	private static final List<String> THEMES = List.of("重温入党誓词，开展楼道清扫志愿服务", "学习党的二十届三中全会精神",
			"走访独居老人，排查燃气安全隐患", "“我为群众办实事”：收集停车难问题", "学习新修订的《中国共产党纪律处分条例》");

	private final Services s;

	private final Actor loader;

	private final Map<String, UUID> ids;

	private final Instant now;

	private final ZoneId zone;

	private DemoPartyLife(Services s, Actor loader, Map<String, UUID> ids, Instant now, ZoneId zone) {
		this.s = s;
		this.loader = loader;
		this.ids = ids;
		this.now = now;
		this.zone = zone;
	}

	static void load(Services services, Actor loader, Map<String, UUID> ids, Map<String, UUID> accountIds,
			Instant now, ZoneId zone) {
		new DemoPartyLife(services, loader, ids, now, zone).loadAll(accountIds);
	}

	private void loadAll(Map<String, UUID> accountIds) {
		PartyOrg dongcheng = org("东城社区党委");
		// dangyuan01–04: the hub member of 东城社区's grid groups 1–4
		List<PartyMember> withAccounts = new java.util.ArrayList<>();
		for (int g = 1; g <= 4; g++) {
			PartyMember member = s.queries().members(loader, org("东城社区第" + g + "网格党小组").id(), null).getFirst();
			s.party().linkAccount(loader, member.id(), accountIds.get("dangyuan0" + g));
			withAccounts.add(member);
		}
		List<PartyMember> dongchengMembers = s.queries().activeMembersWithin(loader, dongcheng.id());
		LocalDate today = LocalDate.ofInstant(now, zone);
		for (int back = 5; back >= 1; back--) {
			LocalDate month = today.minusMonths(back).withDayOfMonth(1);
			held(dongcheng, MeetingKind.THEME_DAY, month.plusDays(4), THEMES.get(back - 1), dongchengMembers, back);
			if (back >= 2) {
				// last month's committee meeting was never held: 东城社区党委 is flagged behind its rhythm
				held(dongcheng, MeetingKind.COMMITTEE_MEETING, month.plusDays(9), "研究本月网格工作和发展党员", List.of(),
						back);
			}
		}
		held(dongcheng, MeetingKind.LECTURE, today.minusMonths(2).withDayOfMonth(20), "书记讲党课：党建引领基层治理",
				dongchengMembers, 7);
		held(dongcheng, MeetingKind.MEMBERS_MEETING, today.minusMonths(3).withDayOfMonth(15), "讨论接收预备党员",
				dongchengMembers, 8);
		s.meetings().schedule(loader, new ScheduleMeeting(dongcheng.id(), MeetingKind.THEME_DAY,
				"本月主题党日：清理楼道杂物，消除消防隐患", "东城社区党群服务中心", now.plus(Duration.ofMinutes(30))));

		PartyOrg qianjia = org("钱佳花园功能型党支部");
		List<PartyMember> qianjiaMembers = s.queries().activeMembersWithin(loader, qianjia.id());
		for (int back = 4; back >= 1; back--) {
			LocalDate month = today.minusMonths(back).withDayOfMonth(1);
			held(qianjia, MeetingKind.THEME_DAY, month.plusDays(2), THEMES.get(back), qianjiaMembers.subList(0, 20),
					back + 10);
			held(qianjia, MeetingKind.COMMITTEE_MEETING, month.plusDays(6), "研究小区物业服务和停车整治", List.of(), back);
		}
		held(qianjia, MeetingKind.LECTURE, today.minusMonths(1).withDayOfMonth(12), "党课：红色物业与小区治理",
				qianjiaMembers.subList(0, 20), 3);
		held(qianjia, MeetingKind.MEMBERS_MEETING, today.minusMonths(2).withDayOfMonth(18), "选举支部委员会",
				qianjiaMembers.subList(0, 20), 4);
		appraise(qianjia, qianjiaMembers, today.getYear() - 1);
		assess(qianjia, today.getYear() - 1);

		duty(dongcheng, dongchengMembers, withAccounts, today);
		PartyOrg riders = org("龙锦社区新就业群体党支部");
		List<PartyMember> riderMembers = s.queries().activeMembersWithin(loader, riders.id());
		DutyPost ridersZone = s.duty().addPost(loader, new NewDutyPost(riders.id(), DutyPostKind.DUTY_ZONE,
				"先锋骑士党员责任区", "送餐途中随手拍、随手报，发现险情第一时间上报并就近处置",
				List.of(ids.get("longjin-g1"))));
		for (int d = 0; d < 7; d++) {
			s.duty().addWeeklyShift(loader, ridersZone.id(), new NewWeeklyShift(riderMembers.get(d % riderMembers.size()).id(),
					DayOfWeek.of(d + 1), LocalTime.of(10, 0), LocalTime.of(22, 0), today.minusDays(30), null));
		}
	}

	/**
	 * 东城公租房's gate post round the clock — dangyuan01–04, who have accounts and answer a whistle on their phones,
	 * on its day shifts from Monday to Thursday — a night duty zone in the second and third grids, a storm watch.
	 */
	private void duty(PartyOrg dongcheng, List<PartyMember> members, List<PartyMember> withAccounts, LocalDate today) {
		DutyPost gate = s.duty().addPost(loader, new NewDutyPost(org("东城社区第1网格党小组").id(), DutyPostKind.MODEL_POST,
				"东城公租房1栋党员示范岗", "出入口值守，来访登记，帮助老人上下楼，发现问题随手报",
				List.of(ids.get("dongcheng-g1"))));
		for (int d = 1; d <= 7; d++) {
			PartyMember day = d <= withAccounts.size() ? withAccounts.get(d - 1) : members.get(d % members.size());
			s.duty().addWeeklyShift(loader, gate.id(), new NewWeeklyShift(day.id(), DayOfWeek.of(d), LocalTime.of(8, 0),
					LocalTime.of(20, 0), today.minusDays(60), null));
			s.duty().addWeeklyShift(loader, gate.id(), new NewWeeklyShift(members.get((d + 7) % members.size()).id(),
					DayOfWeek.of(d), LocalTime.of(20, 0), LocalTime.of(8, 0), today.minusDays(60), null));
		}
		DutyPost night = s.duty().addPost(loader, new NewDutyPost(dongcheng.id(), DutyPostKind.DUTY_ZONE,
				"第2、3网格党员责任区", "夜间巡查楼道、电动车充电和消防通道，遇险情立即吹哨",
				List.of(ids.get("dongcheng-g2"), ids.get("dongcheng-g3"))));
		for (int d = 1; d <= 7; d++) {
			s.duty().addWeeklyShift(loader, night.id(), new NewWeeklyShift(members.get((d + 20) % members.size()).id(),
					DayOfWeek.of(d), LocalTime.of(19, 0), LocalTime.of(23, 0), today.minusDays(60), null));
		}
		Instant storm = today.plusDays(2).atTime(18, 0).atZone(zone).toInstant();
		s.duty().addOnceShift(loader, night.id(),
				new NewOnceShift(members.get(30 % members.size()).id(), storm, storm.plus(Duration.ofHours(14))));
	}

	/** A meeting held on the day at 9:00, with minutes and its sheet: {@code present} present, two absent. */
	private void held(PartyOrg org, MeetingKind kind, LocalDate day, String topic, List<PartyMember> members,
			int seed) {
		Instant at = day.atTime(9, 0).atZone(zone).toInstant();
		BranchMeeting meeting = s.meetings().schedule(loader,
				new ScheduleMeeting(org.id(), kind, topic, org.name().startsWith("东城") ? "东城社区党群服务中心" : "钱佳花园党群服务站",
						at));
		int absent = 0;
		for (int i = 0; i < members.size(); i++) {
			boolean away = (i + seed) % 9 == 0 && absent < 2;
			absent += away ? 1 : 0;
			s.meetings().recordAttendance(loader, meeting.id(), new RecordAttendance(members.get(i).id(), !away,
					away ? ((i % 2 == 0) ? "外出务工" : "生病住院") : null));
		}
		s.meetings().hold(loader, meeting.id(), new HoldMeeting("会议围绕“" + topic + "”进行，应到 " + members.size()
				+ " 人，实到 " + (members.size() - absent) + " 人。与会党员逐一发言，形成下步工作安排并明确责任人。"));
	}

	private void appraise(PartyOrg branch, List<PartyMember> members, int year) {
		UUID round = s.appraisals().open(loader, new OpenAppraisal(branch.id(), year)).id();
		for (int i = 0; i < members.size(); i++) {
			AppraisalGrade grade = i % 7 == 0 ? AppraisalGrade.EXCELLENT
					: i == 33 ? AppraisalGrade.BASICALLY_QUALIFIED : AppraisalGrade.QUALIFIED;
			s.appraisals().record(loader, round, new RecordResult(members.get(i).id(), grade,
					grade == AppraisalGrade.BASICALLY_QUALIFIED ? "全年两次无故缺席组织生活，已谈心谈话" : null));
		}
		s.appraisals().close(loader, round);
	}

	private void assess(PartyOrg branch, int year) {
		Map<String, Scorecard.Mark> marks = new LinkedHashMap<>();
		s.appraisals().branchTemplate().criteria().forEach(c -> marks.put(c.code(),
				c.code().equals("B02") || c.code().equals("E01") ? Scorecard.Mark.FAIL : Scorecard.Mark.PASS));
		s.appraisals().assess(loader, new AssessBranch(branch.id(), year, marks));
	}

	private PartyOrg org(String name) {
		return s.queries().orgs(loader).stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow(
				() -> new IllegalStateException("demo party organisation missing: " + name));
	}
}
