package org.zhizhi.deliberation;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.TextLength;

/**
 * A line of the co-funding ledger. A payment names who paid — a household of the topic, or an organisation by name
 * (民泰基金, 街道) — and gets a numbered receipt; a spending says what it paid for, its voucher's photo beside it. A
 * household's own pledge needs neither source nor name: it is his household's.
 */
public record RecordFundEntry(@NotNull(message = TopicInput.REQUIRED) FundEntryKind kind, FundSource source,
		UUID householdId, @TextLength(max = 60, message = TopicInput.LENGTH) String sourceName,
		@NotNull(message = TopicInput.REQUIRED) @DecimalMin(value = "0.01", message = "{deliberation.fund.amountRange}")
		@DecimalMax(value = "99999999", message = "{deliberation.fund.amountRange}")
		@Digits(integer = 8, fraction = 2, message = "{deliberation.fund.cents}") BigDecimal amount,
		@TextLength(max = 200, message = TopicInput.LENGTH) String note) {
}
