package org.zhizhi.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.partnership.meeting.ActivityKind;
import org.zhizhi.partnership.meeting.JointActivities;
import org.zhizhi.partnership.meeting.AgendaCandidates;
import org.zhizhi.partnership.meeting.JointMeetings;
import org.zhizhi.partnership.meeting.MeetingHistory;
import org.zhizhi.partnership.meeting.MeetingQueries;
import org.zhizhi.partnership.meeting.MeetingCommands.AddAgendaItem;
import org.zhizhi.partnership.meeting.MeetingCommands.Cancel;
import org.zhizhi.partnership.meeting.MeetingCommands.LogActivity;
import org.zhizhi.partnership.meeting.MeetingCommands.Minute;
import org.zhizhi.partnership.meeting.MeetingCommands.NewParticipant;
import org.zhizhi.partnership.meeting.MeetingCommands.RecordAttendance;
import org.zhizhi.partnership.meeting.MeetingCommands.ScheduleMeeting;
import org.zhizhi.partnership.meeting.MeetingCommands.TakeDecision;
import org.zhizhi.partnership.meeting.MeetingKind;
import org.zhizhi.partnership.meeting.MeetingViews.AgendaKind;
import org.zhizhi.partnership.meeting.MeetingViews.OpenIncident;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DemoMode;
import org.zhizhi.shared.PlatformZone;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.TerritoryManagement;

/**
 * 金银桥社区's 1+4+X of this year, after the demo district is loaded: its four joint meetings with its partners of
 * seed 000 in different states — minuted, held with decisions, one cancelled and replaced, planned with an agenda
 * that includes an open incident — and a few joint activities. A separate runner (after {@link DemoLoader}) so that
 * it merges without touching the loader; it loads once, when the community has no meeting yet this year. Meetings
 * whose date has not come yet stay planned, so the states follow the calendar.
 */
@Component
@Order(2)
class DemoMeetings implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMeetings.class);

	static final List<String> PARTNERS = List.of("木洞小学", "国药控股重庆崇恩医药", "重庆新希望生物", "木洞文旅公司党支部",
			"国际生物城小学党支部");

	private final DemoMode demoMode;

	private final TerritoryManagement territory;

	private final OrgUnitQueries orgUnits;

	private final AccountQueries accounts;

	private final JointMeetings meetings;

	private final MeetingHistory history;

	private final MeetingQueries queries;

	private final AgendaCandidates candidates;

	private final JointActivities activities;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoMeetings(DemoMode demoMode, TerritoryManagement territory, OrgUnitQueries orgUnits, AccountQueries accounts,
			JointMeetings meetings, MeetingHistory history, MeetingQueries queries, AgendaCandidates candidates,
			JointActivities activities, TransactionTemplate transaction, Clock clock) {
		this.queries = queries;
		this.candidates = candidates;
		this.demoMode = demoMode;
		this.territory = territory;
		this.orgUnits = orgUnits;
		this.accounts = accounts;
		this.meetings = meetings;
		this.history = history;
		this.activities = activities;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demoMode.enabled() || orgUnits.isEmpty()) {
			return;
		}
		OrgUnit root = territory.ensureRoot("重庆市", "500000000000");
		OrgUnit community = orgUnits.list(root.scope(), new OrgUnitFilter("金银桥社区", null, OrgLevel.COMMUNITY))
			.stream()
			.findFirst()
			.orElse(null);
		Account mudong = community == null ? null
				: accounts.list(community.scope(), "mudong", 0)
					.stream()
					.filter(a -> a.username().equals("mudong"))
					.findFirst()
					.orElse(null);
		if (mudong == null) {
			return;
		}
		Actor staff = new Actor(mudong.id(), mudong.username(), mudong.displayName(), Set.of(Role.COMMUNITY_STAFF),
				community.scope());
		LocalDate today = LocalDate.now(clock.withZone(PlatformZone.DEFAULT));
		if (!queries.list(staff, community.id(), today.getYear(), null).isEmpty()) {
			return;
		}
		transaction.executeWithoutResult(status -> load(staff, community.id(), today));
		log.info("Demo joint meetings and activities of 金银桥社区 loaded");
	}

	private void load(Actor staff, UUID community, LocalDate today) {
		int year = today.getYear();
		Instant now = clock.instant();
		// Meetings already past are written through MeetingHistory at the moments their steps happened (planned two
		// weeks before, held at their time, decided there, minuted two days later); the live commands would stamp
		// each step with the load's now, and a February meeting would show its minutes written today.
		// 年初双向认领会: held and minuted, with the claims it decided
		Instant claiming = at(earliest(LocalDate.of(year, 2, 10), today.minusDays(20), year), 9, 30);
		Instant planned = notAfter(claiming.minus(Duration.ofDays(14)), now);
		UUID first = history.scheduled(staff, new ScheduleMeeting(community, MeetingKind.CLAIMING, null, claiming,
				"金银桥社区党群服务中心会议室"), planned);
		agenda(staff, first, planned, "通报上年度共驻共建协议履行情况", "签订本年度共驻共建协议书", "发布需求清单、资源清单，双向认领");
		for (String unit : PARTNERS) {
			history.attendance(staff, first, new RecordAttendance(RefKind.UNIT, null, unit, null), planned);
		}
		if (claiming.isBefore(now)) {
			Instant ended = notAfter(claiming.plus(Duration.ofHours(2)), now);
			history.held(staff, first, claiming, ended);
			for (String unit : PARTNERS) {
				history.attendance(staff, first, new RecordAttendance(RefKind.UNIT, null, unit, true), ended);
			}
			history.attendance(staff, first, new RecordAttendance(RefKind.PERSON, staff.userId(), null, true), ended);
			LocalDate held = LocalDate.ofInstant(claiming, PlatformZone.DEFAULT);
			String summer = "木洞小学认领“暑期公益课堂”项目，开放教室和师资";
			UUID summerTask = history.decided(staff, first, new TakeDecision(summer, RefKind.UNIT, null, "木洞小学",
					held.plusDays(150)), ended)
				.decisions()
				.stream()
				.filter(d -> d.text().equals(summer))
				.findFirst()
				.orElseThrow()
				.id();
			history.decided(staff, first, new TakeDecision("国药控股重庆崇恩医药认领“健康社区”义诊，每季度一次", RefKind.UNIT,
					null, "国药控股重庆崇恩医药", held.plusDays(60)), ended);
			history.decided(staff, first, new TakeDecision("国际生物城小学党支部捐资 60 万元用于春蕾圆梦助学", RefKind.UNIT,
					null, "国际生物城小学党支部", held.plusDays(90)), ended);
			Instant minuted = notAfter(at(held.plusDays(2), 16, 0), now);
			history.minuted(staff, first, new Minute("""
					会议通报了上年度共驻共建协议履行情况，5 家共建单位签订本年度共驻共建协议书。
					会议发布了社区需求清单和共建单位资源清单，木洞小学、国药控股重庆崇恩医药、国际生物城小学党支部当场认领 3 项。
					会议要求各认领单位按期兑现公开承诺，社区在半年工作推进会上通报进度。"""), minuted);
			// the summer classes' task done ten days before it was due, or by yesterday if that day is still to come
			Instant done = notAfter(at(held.plusDays(140), 17, 0), now.minus(Duration.ofDays(1)));
			history.done(staff, first, summerTask, done.isBefore(minuted) ? minuted : done);
		}
		// 半年工作推进会: held, decisions recorded, minutes still to write
		Instant halfYear = at(earliest(LocalDate.of(year, 6, 20), today.minusDays(5), year), 14, 30);
		Instant halfPlanned = notAfter(halfYear.minus(Duration.ofDays(10)), now);
		UUID second = history.scheduled(staff, new ScheduleMeeting(community, MeetingKind.HALF_YEAR, null, halfYear,
				"钱佳花园功能型党支部活动室"), halfPlanned);
		agenda(staff, second, halfPlanned, "通报上半年认领事项进度", "道路整修、污水管网疏通维护项目推进");
		if (halfYear.isBefore(now)) {
			Instant ended = notAfter(halfYear.plus(Duration.ofHours(2)), now);
			history.held(staff, second, halfYear, ended);
			for (String unit : PARTNERS.subList(0, 4)) {
				history.attendance(staff, second, new RecordAttendance(RefKind.UNIT, null, unit, true), ended);
			}
			history.attendance(staff, second, new RecordAttendance(RefKind.UNIT, null, PARTNERS.get(4), false), ended);
			LocalDate held = LocalDate.ofInstant(halfYear, PlatformZone.DEFAULT);
			history.decided(staff, second, new TakeDecision("木洞文旅公司党支部牵头农产品代销，下季度起每月一次集市", RefKind.UNIT,
					null, "木洞文旅公司党支部", held.plusDays(45)), ended);
			history.decided(staff, second, new TakeDecision("社区协调污水管网疏通维护，汛期前完成", RefKind.PERSON,
					staff.userId(), null, held.plusDays(30)), ended);
		}
		// 季度协商议事会: the first date was cancelled a few days before (by yesterday at the latest), the new one is
		// planned with an open incident on its agenda
		Instant quarterly = at(LocalDate.of(year, 9, 15), 9, 30);
		UUID cancelled = history.scheduled(staff, new ScheduleMeeting(community, MeetingKind.QUARTERLY, null,
				quarterly, "金银桥社区党群服务中心会议室"), notAfter(quarterly.minus(Duration.ofDays(30)),
						now.minus(Duration.ofDays(7))));
		history.cancelled(staff, cancelled, new Cancel("与木洞镇防汛工作会议时间冲突，另行安排"),
				notAfter(quarterly.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(1))));
		Instant next = at(today.plusDays(today.getDayOfYear() < 300 ? 10 : 2), 9, 30);
		UUID third = meetings.schedule(staff, new ScheduleMeeting(community, MeetingKind.QUARTERLY, null,
				next.isBefore(at(LocalDate.of(year, 12, 31), 9, 0)) ? next : at(LocalDate.of(year, 12, 30), 9, 30),
				"金银桥社区党群服务中心会议室")).meeting().id();
		for (String topic : List.of("金喇叭宣讲进小区安排", "暑期公益课堂总结")) {
			meetings.addAgendaItem(staff, third, new AddAgendaItem(AgendaKind.TEXT, null, topic, null));
		}
		List<OpenIncident> open = candidates.openIncidents(staff, third);
		if (!open.isEmpty()) {
			meetings.addAgendaItem(staff, third, new AddAgendaItem(AgendaKind.INCIDENT, open.get(0).id(), null, null));
		}
		for (String unit : PARTNERS) {
			meetings.recordAttendance(staff, third, new RecordAttendance(RefKind.UNIT, null, unit, null));
		}
		meetings.recordAttendance(staff, third, new RecordAttendance(RefKind.PERSON, staff.userId(), null, null));
		// 年终总结表彰会: planned
		meetings.schedule(staff, new ScheduleMeeting(community, MeetingKind.YEAR_END, null,
				at(LocalDate.of(year, 12, 26), 14, 30), "金银桥社区党群服务中心大会议室"));
		activity(staff, community, ActivityKind.THEME_PARTY_DAY, "“共建美好家园”主题党日",
				earliest(LocalDate.of(year, 3, 5), today, year), 36, "木洞小学", "木洞文旅公司党支部");
		activity(staff, community, ActivityKind.PARTY_LESSON, "共上一堂党课：基层治理中的党建引领",
				earliest(LocalDate.of(year, 4, 18), today, year), 52, "国际生物城小学党支部", "重庆新希望生物");
		activity(staff, community, ActivityKind.JOINT_STUDY, "走进生物城：产业党建共同研学",
				earliest(LocalDate.of(year, 5, 22), today, year), 24, "重庆新希望生物", "国药控股重庆崇恩医药");
		activity(staff, community, ActivityKind.RESOURCE_SHARING, "木洞小学开放操场和教室，用于暑期公益课堂",
				earliest(LocalDate.of(year, 7, 8), today, year), 80, "木洞小学");
	}

	/** The agenda as the desk wrote it when the meeting was planned, one item a minute. */
	private void agenda(Actor staff, UUID meeting, Instant planned, String... topics) {
		int minute = 0;
		for (String topic : topics) {
			history.agendaItem(staff, meeting, new AddAgendaItem(AgendaKind.TEXT, null, topic, null),
					notAfter(planned.plus(Duration.ofMinutes(++minute)), clock.instant()));
		}
	}

	private void activity(Actor staff, UUID community, ActivityKind kind, String title, LocalDate on, int headcount,
			String... units) {
		List<NewParticipant> participants = new java.util.ArrayList<>();
		for (String unit : units) {
			participants.add(new NewParticipant(RefKind.UNIT, null, unit));
		}
		participants.add(new NewParticipant(RefKind.PERSON, staff.userId(), null));
		activities.log(staff, new LogActivity(community, kind, title, on, "金银桥社区", null, headcount, participants));
	}

	/** The planned day, or an earlier one when the year has not got that far, never before 2 January. */
	private static LocalDate earliest(LocalDate planned, LocalDate limit, int year) {
		LocalDate day = planned.isBefore(limit) ? planned : limit;
		LocalDate start = LocalDate.of(year, 1, 2);
		return day.isBefore(start) ? start : day;
	}

	/** The moment a past step happened, or {@code limit} when the calendar has not got that far yet. */
	private static Instant notAfter(Instant at, Instant limit) {
		return at.isAfter(limit) ? limit : at;
	}

	private static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(PlatformZone.DEFAULT).toInstant();
	}
}
