package org.zhizhi.partnership.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.partnership.meeting.MeetingViews.YearOverview;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.WaitingWork;

/**
 * What of the joint meetings (联席会议) waits for the staff: a meeting of the coming week to prepare, one held whose
 * minutes are not written, one whose day passed without being recorded; above the community, the communities behind
 * their year's quota of meetings.
 */
@Service
@Transactional(readOnly = true)
class MeetingWaitingWork implements WaitingWork {

	/** A meeting this close is on the list: its agenda and invitations are this week's work. */
	static final Duration AHEAD = Duration.ofDays(7);

	private final MeetingQueries queries;

	private final ZoneId zone;

	private final MessageSource messages;

	MeetingWaitingWork(MeetingQueries queries, ZoneId zone, MessageSource messages) {
		this.queries = queries;
		this.zone = zone;
		this.messages = messages;
	}

	@Override
	public List<Waiting> waitingFor(Actor actor, Instant now, int limit) {
		List<Waiting> found = new ArrayList<>();
		if (!MeetingRules.isStaff(actor)) {
			return found;
		}
		int year = LocalDate.ofInstant(now, zone).getYear();
		int ahead = LocalDate.ofInstant(now.plus(AHEAD), zone).getYear();
		// the week ahead may reach into next year (a meeting on 2 January is this week's work on 28 December)
		List<JointMeeting> planned = Stream.concat(queries.list(actor, null, year, MeetingState.PLANNED).stream(),
				ahead == year ? Stream.empty() : queries.list(actor, null, ahead, MeetingState.PLANNED).stream())
			.filter(m -> m.scheduledAt().isBefore(now.plus(AHEAD)))
			.sorted(Comparator.comparing(JointMeeting::scheduledAt))
			.toList();
		if (!planned.isEmpty()) {
			found.add(new Waiting("workbench.meeting.coming", planned.size(), "/partnership/meetings",
					planned.stream().limit(limit).map(m -> new Item(m.title(), m.place(), m.createdAt(),
							m.scheduledAt(), m.scheduledAt().isBefore(now), "/partnership/meetings/" + m.id(),
							m.scheduledAt().isBefore(now) ? "workbench.action.record" : "workbench.action.prepare"))
						.toList()));
		}
		List<JointMeeting> held = queries.list(actor, null, year, MeetingState.HELD);
		if (!held.isEmpty()) {
			found.add(new Waiting("workbench.meeting.minutes", held.size(), "/partnership/meetings",
					held.stream().limit(limit).map(m -> new Item(m.title(), m.place(), m.heldAt(), null, false,
							"/partnership/meetings/" + m.id(), "workbench.action.minutes")).toList()));
		}
		List<YearOverview> behind = queries.overviews(actor, year).stream().filter(YearOverview::behind).toList();
		if (!behind.isEmpty()) {
			found.add(new Waiting("workbench.meeting.behind", behind.size(), "/partnership/meetings",
					behind.stream().limit(limit).map(o -> new Item(o.communityName(),
							messages.getMessage("workbench.meeting.quota", new Object[] { o.quota().held(),
									o.quota().due() }, LocaleContextHolder.getLocale()), null, null, true,
							"/partnership/meetings?communityId=" + o.communityId(), "workbench.action.urge"))
						.toList()));
		}
		return found;
	}
}
