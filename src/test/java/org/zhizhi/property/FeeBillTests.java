package org.zhizhi.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/** A bill's table, its policy and the collection rate — without Spring. */
class FeeBillTests {

	private static final DataScope PLACE = new DataScope(UUID.randomUUID(), "/" + UUID.randomUUID() + "/");

	@Test
	void aBillIsPaidOrExemptedOnceAndNeverAgain() {
		FeeBill paid = open();
		paid.pay(Instant.now(), UUID.randomUUID(), "周守护");
		assertThat(paid.state()).isEqualTo(FeeBillState.PAID);
		assertThatThrownBy(() -> paid.pay(Instant.now(), UUID.randomUUID(), "周守护")).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> paid.exempt(Instant.now(), UUID.randomUUID(), "社区", "低保"))
			.isInstanceOf(DomainException.class);

		FeeBill exempt = open();
		exempt.exempt(Instant.now(), UUID.randomUUID(), "社区", "低保户，小组议定免缴");
		assertThat(exempt.state()).isEqualTo(FeeBillState.EXEMPT);
		assertThat(exempt.exemptReason()).isEqualTo("低保户，小组议定免缴");
		assertThatThrownBy(() -> exempt.pay(Instant.now(), UUID.randomUUID(), "周守护"))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void theGuardianCollectsTheDeskAlsoExemptsNobodyElseSeesTheBill() {
		Actor guardian = new Actor(UUID.randomUUID(), "shouhu01", "周守护", Set.of(Role.RESIDENT), PLACE);
		Actor desk = new Actor(UUID.randomUUID(), "xiaxinxin", "下新新社区", Set.of(Role.COMMUNITY_STAFF), PLACE);
		Actor neighbour = new Actor(UUID.randomUUID(), "jumin", "张居民", Set.of(Role.RESIDENT), PLACE);

		assertThat(FeeBillPolicy.allowedActions(guardian, open(), new FeeBillPolicy.Relation(true, false)))
			.containsExactly(FeeBillAction.PAY);
		assertThat(FeeBillPolicy.allowedActions(desk, open(), new FeeBillPolicy.Relation(false, true)))
			.containsExactlyInAnyOrder(FeeBillAction.PAY, FeeBillAction.EXEMPT);
		assertThat(FeeBillPolicy.refusal(guardian, new FeeBillPolicy.Relation(true, false), FeeBillAction.EXEMPT)
			.category()).as("an exemption is the body's decision, not the collector's")
			.isEqualTo(DomainException.Category.FORBIDDEN);
		assertThat(FeeBillPolicy.refusal(neighbour, new FeeBillPolicy.Relation(false, false), FeeBillAction.PAY)
			.category()).isEqualTo(DomainException.Category.NOT_FOUND);
	}

	@Test
	void theRateIsTheSharePaidOfWhatIsDueRoundedDown() {
		assertThat(SelfRunBooks.rate(29, 32)).isEqualTo(90);
		assertThat(SelfRunBooks.rate(31, 32)).as("96.875 is not 97").isEqualTo(96);
		assertThat(SelfRunBooks.rate(0, 0)).as("nothing due is nothing owed").isEqualTo(100);
		assertThat(SelfRunBooks.rate(32, 32)).isEqualTo(100);
	}

	@Test
	void aScopesCollectionSumsItsBuildingsAndRatesTheSums() {
		java.time.YearMonth june = java.time.YearMonth.of(2026, 6);
		var first = new SelfRunBooks.BuildingCollection(UUID.randomUUID(), "1栋", "周守护", 32, 29, 1, 93, false);
		var second = new SelfRunBooks.BuildingCollection(UUID.randomUUID(), "7栋", null, 20, 12, 0, 60, true);
		SelfRunBooks.ScopeCollection scope = SelfRunBooks.ScopeCollection.of(june, 2, java.util.List.of(first, second));
		assertThat(scope.billed()).isEqualTo(52);
		assertThat(scope.paid()).isEqualTo(41);
		assertThat(scope.exempt()).isEqualTo(1);
		assertThat(scope.ratePercent()).as("41 of 51 due, rounded down — not the mean of 93 and 60").isEqualTo(80);
		assertThat(scope.flagged()).isEqualTo(1);
		assertThat(scope.buildings()).isEqualTo(2);
		assertThat(SelfRunBooks.ScopeCollection.of(june, 1, java.util.List.of()).ratePercent())
			.as("no bill issued: nothing collected yet, not all of it").isNull();
	}

	private static FeeBill open() {
		return new FeeBill(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "新河街 1栋 1单元 101", UUID.randomUUID(),
				LocalDate.of(2026, 6, 1), 10_00, FeeBillState.OPEN, null, null, null, null, 0);
	}
}
