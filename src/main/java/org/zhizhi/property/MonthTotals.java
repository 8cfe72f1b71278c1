package org.zhizhi.property;

import java.time.LocalDate;

/** A month's money in and out, and the balance carried from everything before. */
public record MonthTotals(LocalDate month, long incomeCents, long spendingCents, long balanceCents,
		long paidHouseholds) {
}
