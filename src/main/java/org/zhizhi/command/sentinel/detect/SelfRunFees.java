package org.zhizhi.command.sentinel.detect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;
import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.SubjectKind;
import org.zhizhi.command.sentinel.Detector;
import org.zhizhi.command.sentinel.Fact;
import org.zhizhi.property.PropertySignals;
import org.zhizhi.shared.DataScope;

/**
 * Per self-run building: the share of its bills paid (in percent), over the months begun within the window up to the
 * month before this one — this month's bills are still being paid, and would make every building look behind on the
 * first days of a month.
 */
@Component
class SelfRunFees implements Detector {

	private final PropertySignals property;

	private final ZoneId zone;

	SelfRunFees(PropertySignals property, ZoneId zone) {
		this.property = property;
		this.zone = zone;
	}

	@Override
	public RuleKind kind() {
		return RuleKind.SELF_RUN_FEES;
	}

	@Override
	public List<Fact> facts(DataScope district, int windowDays, Instant now) {
		LocalDate today = now.atZone(zone).toLocalDate();
		LocalDate to = today.withDayOfMonth(1).minusMonths(1);
		LocalDate from = today.minusDays(windowDays).withDayOfMonth(1);
		if (from.isAfter(to)) {
			from = to;
		}
		return property.collectionByBuilding(district, from, to)
			.stream()
			.filter(b -> b.due() > 0)
			.map(b -> new Fact(SubjectKind.BUILDING, b.buildingId(), b.estateName() + " " + b.buildingName(),
					b.scopePath(), null, b.estateId(), b.percentPaid(), EvidenceKind.FEE_BILL, b.openBillIds(), null))
			.toList();
	}
}
