package org.zhizhi.partnership.meeting;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingCancelled;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingRescheduled;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingScheduled;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.partnership.meeting.persistence.JdbcMeetings;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;

/**
 * Who hears of a joint meeting and what they are told: the community's staff of every meeting, the invited persons of
 * a change to one they were invited to, a decision's owner of his task. Sent in the step's transaction.
 */
@Component
class MeetingNotices {

	private final JdbcMeetings meetings;

	private final AccountQueries accounts;

	private final Notifications notifications;

	private final MessageSource messages;

	private final ZoneId zone;

	MeetingNotices(JdbcMeetings meetings, AccountQueries accounts, Notifications notifications, MessageSource messages,
			ZoneId zone) {
		this.meetings = meetings;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
		this.zone = zone;
	}

	@EventListener
	void on(MeetingScheduled scheduled) {
		toStaff(scheduled.meeting(), "JOINT_MEETING_SCHEDULED", "meeting.notice.scheduled");
	}

	@EventListener
	void on(MeetingRescheduled moved) {
		toRecipients(moved.meeting(), "JOINT_MEETING_RESCHEDULED", "meeting.notice.rescheduled");
	}

	@EventListener
	void on(MeetingCancelled cancelled) {
		toRecipients(cancelled.meeting(), "JOINT_MEETING_CANCELLED", "meeting.notice.cancelled");
	}

	/** A decision whose owner is a person with an account: he is told his task. */
	@EventListener
	void on(DecisionTaken decision) {
		if (decision.ownerKind() == RefKind.PERSON && decision.ownerId() != null) {
			task(decision.ownerId(), decision.meetingId(), decision.meetingTitle(),
					decision.text() + " · " + decision.dueOn(), decision.districtId());
		}
	}

	/** Tells the community's staff of a meeting's step. */
	void toStaff(JointMeeting meeting, String kind, String titleKey) {
		notifications.notify(staffOf(meeting), notice(kind, titleKey, meeting));
	}

	/** Tells the community's staff and the invited persons of a meeting's step. */
	void toRecipients(JointMeeting meeting, String kind, String titleKey) {
		notifications.notify(recipients(meeting), notice(kind, titleKey, meeting));
	}

	/** Tells a person the task a decision of the meeting gave him. */
	void task(UUID ownerId, UUID meetingId, String meetingTitle, String task, UUID district) {
		notifications.notify(List.of(ownerId), new Notice("JOINT_MEETING_TASK",
				text("meeting.notice.task", meetingTitle), task, link(meetingId), district));
	}

	/** The community's staff: told of every meeting of their community. */
	List<UUID> staffOf(JointMeeting meeting) {
		return accounts.covering(meeting.communityPath(), Set.of(Role.COMMUNITY_STAFF))
			.stream()
			.map(Account::id)
			.toList();
	}

	/** The community's staff and the invited persons with an account. */
	List<UUID> recipients(JointMeeting meeting) {
		List<UUID> all = new ArrayList<>(staffOf(meeting));
		all.addAll(meetings.personAccounts(meeting.id()));
		return all;
	}

	private Notice notice(String kind, String titleKey, JointMeeting meeting) {
		String when = meeting.scheduledAt().atZone(zone).toLocalDateTime().toString().replace('T', ' ');
		return new Notice(kind, text(titleKey, meeting.title()),
				when + (meeting.place() == null ? "" : " · " + meeting.place()), link(meeting.id()),
				DataScope.districtOf(meeting.communityPath()));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
	}

	static String link(UUID meetingId) {
		return "/partnership/meetings/" + meetingId;
	}
}
