package org.zhizhi.deliberation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.zhizhi.deliberation.persistence.FundLedger;

/**
 * A topic's co-funding accounts as its households and the public page show them: the target, what was promised,
 * received and spent, the balance, and every line — households by their dwelling, organisations by name, never a
 * person — with receipt numbers and vouchers.
 */
public record FundView(BigDecimal target, BigDecimal perHousehold, BigDecimal pledged, BigDecimal paid,
		BigDecimal spent, BigDecimal balance, BigDecimal progressPercent, long payingHouseholds, List<Line> lines) {

	public record Line(FundEntryKind kind, FundSource source, String sourceName, BigDecimal amount, String receipt,
			UUID voucherId, String note, Instant recordedAt) {
	}

	static FundView of(FundLedger.Fund fund, FundLedger.Totals totals, List<FundLedger.Entry> entries) {
		return new FundView(fund.target(), fund.perHousehold(), totals.pledged(), totals.paid(), totals.spent(),
				totals.paid().subtract(totals.spent()),
				totals.paid().multiply(BigDecimal.valueOf(100)).divide(fund.target(), 1, RoundingMode.HALF_UP),
				totals.payingHouseholds(),
				entries.stream()
					.map(e -> new Line(e.kind(), e.source(), e.sourceName(), e.amount(),
							e.receiptNo() == null ? null : receipt(e.receiptNo()), e.voucherId(), e.note(),
							e.recordedAt()))
					.toList());
	}

	/** 收据号 as printed on the paper receipt the household keeps. */
	static String receipt(long number) {
		return String.format("SJ%07d", number);
	}
}
