package org.zhizhi.party;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A party member (or activist, applicant) of an organisation; {@code accountId} is the account he signs in with, if
 * one is linked.
 */
public record PartyMember(UUID id, UUID orgId, String orgName, String name, MemberGender gender, LocalDate joinedOn,
		MemberStatus status, MemberKind kind, String employer, UUID dualCommunityId, UUID dualEstateId,
		UUID residentId, UUID accountId) {
}
