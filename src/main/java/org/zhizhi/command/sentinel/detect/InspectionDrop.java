package org.zhizhi.command.sentinel.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.SubjectKind;
import org.zhizhi.command.sentinel.Detector;
import org.zhizhi.command.sentinel.Fact;
import org.zhizhi.property.PropertySignals;
import org.zhizhi.property.PropertySignals.InspectionChange;
import org.zhizhi.shared.DataScope;

/**
 * Per property company: the largest drop, in points of 100, between an estate's latest monthly inspection (submitted
 * within the window) and the one before it. One fact a company, about the estate where it fell most.
 */
@Component
class InspectionDrop implements Detector {

	private final PropertySignals property;

	InspectionDrop(PropertySignals property) {
		this.property = property;
	}

	@Override
	public RuleKind kind() {
		return RuleKind.INSPECTION_DROP;
	}

	@Override
	public List<Fact> facts(DataScope district, int windowDays, Instant now) {
		return property.inspectionChanges(district, now.minus(Duration.ofDays(windowDays)))
			.stream()
			.collect(Collectors.groupingBy(InspectionChange::companyId,
					Collectors.maxBy(Comparator.comparingInt(InspectionChange::drop))))
			.values()
			.stream()
			.flatMap(java.util.Optional::stream)
			.map(c -> new Fact(SubjectKind.COMPANY, c.companyId(), c.companyName() + " · " + c.estateName(),
					c.scopePath(), null, c.estateId(), c.drop(), EvidenceKind.INSPECTION,
					List.of(c.latestId(), c.previousId()), null))
			.toList();
	}
}
