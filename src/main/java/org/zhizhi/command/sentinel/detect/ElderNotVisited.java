package org.zhizhi.command.sentinel.detect;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;
import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.SubjectKind;
import org.zhizhi.command.sentinel.Detector;
import org.zhizhi.command.sentinel.Fact;
import org.zhizhi.shared.DataScope;
import org.zhizhi.volunteer.PairingSignals;

/**
 * Per pairing with an elder living alone: the days his visit is past due. The alert names him as the big screen may
 * show him: the family name and the dwelling, never the whole name. The window is not used: a visit late by months is
 * the worst case, not one to forget.
 */
@Component
class ElderNotVisited implements Detector {

	private final PairingSignals pairings;

	private final ZoneId zone;

	ElderNotVisited(PairingSignals pairings, ZoneId zone) {
		this.pairings = pairings;
		this.zone = zone;
	}

	@Override
	public RuleKind kind() {
		return RuleKind.ELDER_NOT_VISITED;
	}

	@Override
	public List<Fact> facts(DataScope district, int windowDays, Instant now) {
		return pairings.lateElderVisits(district, now.atZone(zone).toLocalDate())
			.stream()
			.map(v -> new Fact(SubjectKind.PAIRING, v.pairingId(), masked(v.residentName())
					+ (v.dwellingLabel() == null ? "" : " · " + v.dwellingLabel()), v.scopePath(), v.gridId(), null,
					v.daysLate(), EvidenceKind.PAIRING, List.of(v.pairingId()), null))
			.toList();
	}

	static String masked(String name) {
		if (name == null || name.isEmpty()) {
			return "独居老人";
		}
		return name.substring(0, name.offsetByCodePoints(0, 1)) + "*".repeat(Math.max(1, name.codePointCount(0,
				name.length()) - 1));
	}
}
