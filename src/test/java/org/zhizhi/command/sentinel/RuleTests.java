package org.zhizhi.command.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.SubjectKind;
import org.zhizhi.shared.Role;

/** Each rule's condition over given facts, without Spring or a database: the measure against the threshold. */
class RuleTests {

	private static final Instant AT = Instant.parse("2026-06-10T02:00:00Z");

	@Test
	void complaintsAboutOneEstateFireFromTheThresholdOn() {
		Rule rule = rule(RuleKind.ESTATE_COMPLAINTS, 3);
		assertThat(rule.firesOn(fact(SubjectKind.ESTATE, 2))).isFalse();
		assertThat(rule.firesOn(fact(SubjectKind.ESTATE, 3))).isTrue();
		assertThat(rule.firesOn(fact(SubjectKind.ESTATE, 9))).isTrue();
	}

	@Test
	void unsatisfiedRatingsOverdueIncidentsAndMissingPatrolsCountUpToTheThreshold() {
		assertThat(rule(RuleKind.GRID_UNSATISFIED, 2).firesOn(fact(SubjectKind.GRID, 1))).isFalse();
		assertThat(rule(RuleKind.GRID_UNSATISFIED, 2).firesOn(fact(SubjectKind.GRID, 2))).isTrue();
		assertThat(rule(RuleKind.OVERDUE_SPIKE, 3).firesOn(fact(SubjectKind.GRID, 2))).isFalse();
		assertThat(rule(RuleKind.OVERDUE_SPIKE, 3).firesOn(fact(SubjectKind.GRID, 3))).isTrue();
		assertThat(rule(RuleKind.GRID_WITHOUT_PATROL, 7).firesOn(fact(SubjectKind.GRID, 6))).isFalse();
		assertThat(rule(RuleKind.GRID_WITHOUT_PATROL, 7).firesOn(fact(SubjectKind.GRID, 7))).isTrue();
	}

	@Test
	void feeCollectionFiresBelowTheThresholdOnly() {
		Rule rule = rule(RuleKind.SELF_RUN_FEES, 80);
		assertThat(rule.firesOn(fact(SubjectKind.BUILDING, 80))).as("at the threshold is enough").isFalse();
		assertThat(rule.firesOn(fact(SubjectKind.BUILDING, 79))).isTrue();
		assertThat(rule.firesOn(fact(SubjectKind.BUILDING, 0))).isTrue();
	}

	@Test
	void anInspectionDropAndALateVisitFireFromTheThresholdOn() {
		assertThat(rule(RuleKind.INSPECTION_DROP, 10).firesOn(fact(SubjectKind.COMPANY, 9))).isFalse();
		assertThat(rule(RuleKind.INSPECTION_DROP, 10).firesOn(fact(SubjectKind.COMPANY, 12))).isTrue();
		assertThat(rule(RuleKind.INSPECTION_DROP, 10).firesOn(fact(SubjectKind.COMPANY, -5))).as("a rise").isFalse();
		assertThat(rule(RuleKind.ELDER_NOT_VISITED, 3).firesOn(fact(SubjectKind.PAIRING, 2))).isFalse();
		assertThat(rule(RuleKind.ELDER_NOT_VISITED, 3).firesOn(fact(SubjectKind.PAIRING, 3))).isTrue();
	}

	@Test
	void aDisabledRuleOrAFactAboutAnotherKindOfSubjectNeverFires() {
		Rule off = new Rule(UUID.randomUUID(), UUID.randomUUID(), RuleKind.ESTATE_COMPLAINTS, 3, 7,
				Role.COMMUNITY_STAFF, 72, false, AT, Rule.SYSTEM, 0);
		assertThat(off.firesOn(fact(SubjectKind.ESTATE, 10))).isFalse();
		assertThat(rule(RuleKind.ESTATE_COMPLAINTS, 3).firesOn(fact(SubjectKind.GRID, 10))).isFalse();
	}

	@Test
	void everyKindStartsWithDefaultsInsideItsOwnBounds() {
		for (RuleKind kind : RuleKind.values()) {
			Rule rule = Rule.defaults(UUID.randomUUID(), UUID.randomUUID(), kind, AT);
			assertThat(rule.threshold()).as(kind.name()).isBetween(kind.minThreshold(), kind.maxThreshold());
			assertThat(rule.windowDays()).as(kind.name()).isBetween(1, 366);
			assertThat(Rules.OWNER_ROLES).contains(rule.ownerRole());
			assertThat(rule.enabled()).isTrue();
		}
	}

	private static Rule rule(RuleKind kind, int threshold) {
		return new Rule(UUID.randomUUID(), UUID.randomUUID(), kind, threshold, kind.defaultWindowDays(),
				kind.defaultOwner(), kind.defaultHandleWithinHours(), true, AT, Rule.SYSTEM, 0);
	}

	private static Fact fact(SubjectKind subject, int measure) {
		return new Fact(subject, UUID.randomUUID(), "对象", "/a/", null, null, measure, EvidenceKind.NONE, List.of(),
				null);
	}
}
