package org.zhizhi.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/** An inspection's life without Spring: every action from every state, the score, the policy for every role. */
class InspectionTests {

	static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

	static final UUID INSPECTOR = UUID.randomUUID();

	static final String PATH = "/c/d/s/m/";

	static Inspection open() {
		return Inspection.start(UUID.randomUUID(), new Inspection.Subject("T", UUID.randomUUID(), UUID.randomUUID(),
				"华城国际", PATH, UUID.randomUUID(), INSPECTOR, "环物小组", NOW, null, null));
	}

	static Inspection.Finding finding(String code) {
		return new Inspection.Finding(UUID.randomUUID(), code, "楼道堆放杂物", null, 29.5, 106.5, NOW);
	}

	static Inspection in(InspectionState state) {
		Inspection i = open();
		if (state == InspectionState.SUBMITTED) {
			i.submit(ScorecardTests.SMALL, NOW);
		}
		if (state == InspectionState.CANCELLED) {
			i.cancel();
		}
		return i;
	}

	@Test
	void submittingScoresTheChecklistTheFindingsFail() {
		Inspection i = open();
		i.recordFinding(ScorecardTests.SMALL, finding("A1"));
		Scorecard.Points score = i.submit(ScorecardTests.SMALL, NOW);
		// the checklist is A1 (3), A3 (1), B1 (4): A1 failed → 5 of 8
		assertThat(score).isEqualTo(new Scorecard.Points(5, 8));
		assertThat(score.percent()).isEqualByComparingTo("62.5");
		assertThat(i.events()).singleElement().extracting(InspectionSubmitted::findings).isEqualTo(1);
	}

	@Test
	void aFindingMustBeOnTheChecklistAndOnlyOncePerCriterion() {
		Inspection i = open();
		assertThatThrownBy(() -> i.recordFinding(ScorecardTests.SMALL, finding("A2")))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.fieldProblems()).extracting(p -> p.field()).containsExactly("criterionCode"));
		i.recordFinding(ScorecardTests.SMALL, finding("B1"));
		assertThatThrownBy(() -> i.recordFinding(ScorecardTests.SMALL, finding("B1")))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("FINDING_RECORDED"));
	}

	@Test
	void everyActionFromEveryState() {
		for (InspectionState state : InspectionState.values()) {
			for (InspectionAction action : InspectionAction.values()) {
				Inspection i = in(state);
				boolean allowed = state == InspectionState.OPEN;
				Runnable step = switch (action) {
					case RECORD_FINDING -> () -> i.recordFinding(ScorecardTests.SMALL, finding("A3"));
					case SUBMIT -> () -> i.submit(ScorecardTests.SMALL, NOW);
					case CANCEL -> i::cancel;
				};
				if (allowed) {
					step.run();
					InspectionState expected = switch (action) {
						case RECORD_FINDING -> InspectionState.OPEN;
						case SUBMIT -> InspectionState.SUBMITTED;
						case CANCEL -> InspectionState.CANCELLED;
					};
					assertThat(i.state()).as(state + " " + action).isEqualTo(expected);
				}
				else {
					assertThatThrownBy(step::run).as(state + " " + action)
						.isInstanceOfSatisfying(DomainException.class,
								e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
				}
			}
		}
	}

	@Test
	void onlyItsOwnInspectorActsOnAnOpenInspectionTheDesksRead() {
		Inspection i = open();
		for (Role role : Role.values()) {
			Actor someone = new Actor(INSPECTOR, "x", "x", Set.of(role), new DataScope(UUID.randomUUID(), "/c/"));
			assertThat(InspectionPolicy.allowedActions(someone, i)).as(role.name())
				.isEqualTo(role == Role.PROPERTY_INSPECTOR ? EnumSet.allOf(InspectionAction.class)
						: EnumSet.noneOf(InspectionAction.class));
		}
		Actor colleague = new Actor(UUID.randomUUID(), "y", "y", Set.of(Role.PROPERTY_INSPECTOR),
				new DataScope(UUID.randomUUID(), "/c/"));
		assertThat(InspectionPolicy.allowedActions(colleague, i)).isEmpty();
		assertThat(InspectionPolicy.refusal(colleague, i, InspectionAction.SUBMIT).code())
			.isEqualTo("NOT_THE_INSPECTOR");
		Actor elsewhere = new Actor(INSPECTOR, "x", "x", Set.of(Role.PROPERTY_INSPECTOR),
				new DataScope(UUID.randomUUID(), "/c/other/"));
		assertThat(InspectionPolicy.refusal(elsewhere, i, InspectionAction.SUBMIT).code()).isEqualTo("NOT_FOUND");
		assertThat(InspectionPolicy.allowedActions(new Actor(INSPECTOR, "x", "x", Set.of(Role.PROPERTY_INSPECTOR),
				new DataScope(UUID.randomUUID(), "/c/")), in(InspectionState.SUBMITTED))).isEmpty();
	}
}
