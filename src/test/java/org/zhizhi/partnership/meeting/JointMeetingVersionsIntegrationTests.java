package org.zhizhi.partnership.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.partnership.meeting.MeetingCommands.Hold;
import org.zhizhi.partnership.meeting.MeetingCommands.ScheduleMeeting;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.partnership.meeting.persistence.JdbcMeetings;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;

/**
 * A joint meeting's steps are versioned saves on the real database: each step that changes the meeting moves its
 * version on, and a save against a version somebody moved on changes nothing.
 */
@ZhizhiIntegrationTest
class JointMeetingVersionsIntegrationTests {

	@Autowired
	TestClock clock;

	@Autowired
	JointMeetings meetings;

	@Autowired
	JdbcMeetings rows;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStepSavedAgainstAVersionSomebodyMovedOnChangesNothing() {
		Actor staff = staff("mudong");
		UUID id = meetings.schedule(staff, new ScheduleMeeting(null, MeetingKind.QUARTERLY, "版本会议",
				clock.instant().minus(Duration.ofHours(1)), "社区会议室"))
			.meeting()
			.id();
		// two copies read while the meeting was planned, as two requests at once would hold them
		Meeting planned = rows.lock(staff.scope(), id).orElseThrow();
		Meeting alsoPlanned = rows.lock(staff.scope(), id).orElseThrow();
		Instant scheduled = planned.view().scheduledAt();

		meetings.hold(staff, id, new Hold(null));
		Meeting held = rows.lock(staff.scope(), id).orElseThrow();
		assertThat(held.state()).isEqualTo(MeetingState.HELD);
		assertThat(held.version()).isEqualTo(planned.version() + 1);

		// a cancellation or a move that read the meeting while it was planned finds no row, and tells nobody
		planned.cancel("取消", clock.instant());
		assertThat(rows.save(planned)).isFalse();
		assertThat(planned.events()).as("nothing published").hasSize(1);
		alsoPlanned.reschedule(clock.instant().plus(Duration.ofDays(3)), null, clock.instant());
		assertThat(rows.save(alsoPlanned)).isFalse();
		JointMeeting now = rows.lock(staff.scope(), id).orElseThrow().view();
		assertThat(now.state()).isEqualTo(MeetingState.HELD);
		assertThat(now.cancelReason()).isNull();
		assertThat(now.scheduledAt()).isEqualTo(scheduled);
	}

	/** The actor of a demo staff account, as the security layer builds it from the account's node. */
	private Actor staff(String username) {
		Map<String, Object> row = jdbc.sql("""
				select a.id, a.display_name, u.id as node, u.path
				  from identity.account a join territory.org_unit u on u.id = a.org_unit_id
				 where a.username = :username""")
			.param("username", username)
			.query()
			.singleRow();
		return new Actor((UUID) row.get("id"), username, (String) row.get("display_name"),
				Set.of(Role.COMMUNITY_STAFF), new DataScope((UUID) row.get("node"), (String) row.get("path")));
	}
}
