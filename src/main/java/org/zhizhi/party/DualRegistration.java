package org.zhizhi.party;

import java.util.UUID;

/**
 * An active in-service member's dual registration (双报到) with a community (and an estate in it), with the account
 * he signs in with: what lets him serve that community — take its residents' wishes — wherever his account sits.
 */
public record DualRegistration(UUID memberId, String name, UUID accountId, UUID communityId, UUID estateId) {
}
