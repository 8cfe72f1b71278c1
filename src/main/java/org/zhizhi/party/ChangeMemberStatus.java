package org.zhizhi.party;

import java.time.LocalDate;

/** Record that a member transferred out, died… on a date; kept in the member's insert-only history. */
public record ChangeMemberStatus(MemberStatus status, LocalDate on, String note) {
}
