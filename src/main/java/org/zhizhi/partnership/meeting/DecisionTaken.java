package org.zhizhi.partnership.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhizhi.partnership.meeting.MeetingViews.RefKind;

/**
 * A joint meeting took a decision that is now a task with an owner and a due date. Published inside the decision's
 * transaction; the partners core turns it into a project of the community's lists (项目清单) in that same transaction,
 * idempotently, keyed by {@code decisionId} (see {@code org.zhizhi.partnership.DecisionProjects}). The community's path
 * and the meeting's title travel with it so that the listener needs no actor to look them up.
 */
public record DecisionTaken(UUID decisionId, UUID meetingId, UUID communityId, UUID districtId, String text,
		RefKind ownerKind, UUID ownerId, String ownerName, LocalDate dueOn, UUID takenBy, Instant takenAt,
		String communityPath, String meetingTitle) implements MeetingEvent {
}
