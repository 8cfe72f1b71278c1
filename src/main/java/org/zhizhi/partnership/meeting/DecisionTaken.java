package org.zhizhi.partnership.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhizhi.partnership.meeting.MeetingViews.RefKind;

/**
 * A joint meeting took a decision that is now a task with an owner and a due date. Published inside the decision's
 * transaction, so that the partners core can turn it into a list item (项目清单) with an
 * {@code @ApplicationModuleListener} — idempotently, keyed by {@code decisionId}.
 */
public record DecisionTaken(UUID decisionId, UUID meetingId, UUID communityId, UUID districtId, String text,
		RefKind ownerKind, UUID ownerId, String ownerName, LocalDate dueOn, UUID takenBy, Instant takenAt) {
}
