package org.zhizhi.command.sentinel.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.SubjectKind;
import org.zhizhi.command.sentinel.Detector;
import org.zhizhi.command.sentinel.Fact;
import org.zhizhi.property.PropertySignals;
import org.zhizhi.shared.DataScope;

/** Per estate: the disputes about its property recorded within the window (property's dispute register). */
@Component
class EstateComplaints implements Detector {

	private final PropertySignals property;

	EstateComplaints(PropertySignals property) {
		this.property = property;
	}

	@Override
	public RuleKind kind() {
		return RuleKind.ESTATE_COMPLAINTS;
	}

	@Override
	public List<Fact> facts(DataScope district, int windowDays, Instant now) {
		return property.disputesByEstate(district, now.minus(Duration.ofDays(windowDays)))
			.stream()
			.map(e -> new Fact(SubjectKind.ESTATE, e.estateId(), e.estateName(), e.scopePath(), null, e.estateId(),
					e.disputeIds().size(), EvidenceKind.DISPUTE, e.disputeIds(), null))
			.toList();
	}
}
