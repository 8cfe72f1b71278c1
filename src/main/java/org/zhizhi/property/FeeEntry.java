package org.zhizhi.property;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A line of the book: money in (a bill's payment, with its receipt) or out (spending, with its voucher). */
public record FeeEntry(UUID id, UUID selfRunId, LocalDate month, String kind, long amountCents, String description,
		UUID billId, String method, String receiptNo, String voucher, UUID recordedBy, String recordedByName,
		Instant recordedAt) {
}
