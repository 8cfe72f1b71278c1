package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhizhi.partnership.Claim.ClaimerKind;

/** 双向认领: a unit claimed a need or project, or the community a unit's resource — the pledge is made. */
public record PledgeMade(UUID claimId, UUID itemId, UUID partnerId, ClaimerKind claimerKind, UUID claimerId,
		BigDecimal amount, LocalDate dueOn, UUID by, Instant at) implements PledgeEvent {
}
