package org.zhizhi.party;

import java.util.UUID;

/** A line of a 民主评议 round: a member of the branch (or one with a result) and his result, if any. */
public record AppraisalResultLine(UUID memberId, String memberName, String orgName, AppraisalGrade grade, String note) {
}
