package org.zhizhi.party;

import java.time.Instant;
import java.util.UUID;

/**
 * A member on duty at a moment, for one grid his post covers: whom to call. {@code accountId} is the account he signs
 * in with (null when he has none), through which he is notified and answers on his phone; {@code until} is when his
 * present shift ends.
 */
public record OnDuty(UUID memberId, String memberName, UUID accountId, UUID postId, String postName,
		DutyPostKind postKind, UUID gridId, String gridName, Instant until) {
}
