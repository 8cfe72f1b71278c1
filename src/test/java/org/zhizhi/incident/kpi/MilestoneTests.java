package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhizhi.incident.IncidentAction;

class MilestoneTests {

	@Test
	void eachCountedStepMarksItsMilestoneAndEveryOtherActionNone() {
		Map<IncidentAction, Milestone> marked = new EnumMap<>(IncidentAction.class);
		for (IncidentAction action : IncidentAction.values()) {
			if (Milestone.of(action) != null) {
				marked.put(action, Milestone.of(action));
			}
		}
		assertThat(marked).containsExactlyInAnyOrderEntriesOf(Map.of(IncidentAction.ACCEPT, Milestone.ACCEPTED,
				IncidentAction.WHISTLE, Milestone.DISPATCHED, IncidentAction.CLAIM, Milestone.CLAIMED,
				IncidentAction.ANSWER, Milestone.CLAIMED,
				IncidentAction.CHECK_IN, Milestone.ON_SITE, IncidentAction.RESOLVE, Milestone.HANDLED,
				IncidentAction.REWORK, Milestone.REWORKED, IncidentAction.CLOSE, Milestone.CLOSED, IncidentAction.RATE,
				Milestone.RATED));
		assertThat(Milestone.of(IncidentAction.PHOTO)).isNull();
	}
}
