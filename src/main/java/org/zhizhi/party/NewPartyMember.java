package org.zhizhi.party;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Register a member with an organisation. In-service members name their employer and may register with a community
 * and an estate (双报到); activists and applicants have no join date yet.
 */
public record NewPartyMember(UUID orgId, String name, MemberGender gender, LocalDate joinedOn, MemberKind kind,
		String employer, UUID dualCommunityId, UUID dualEstateId, UUID residentId) {
}
