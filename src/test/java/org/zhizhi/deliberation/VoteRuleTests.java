package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/**
 * The rules against results computed by hand. The 双过半 building: twelve households, ten of them owners of 80, 80, 80,
 * 80, 90, 90, 100, 120, 130 and 150 m² (1,000 m² together), two renters.
 */
class VoteRuleTests {

	private static final Electorate BUILDING = new Electorate(12, 10, new BigDecimal("1000.00"));

	@Test
	void aSimpleMajorityIsMoreThanHalfOfThoseWhoVotedAbstainingIncluded() {
		Electorate hundred = new Electorate(100, 0, BigDecimal.ZERO);
		assertThat(VoteRule.SIMPLE_MAJORITY.passes(tally(6, 4, 0, hundred))).isTrue();
		assertThat(VoteRule.SIMPLE_MAJORITY.passes(tally(5, 4, 1, hundred))).as("5 of 10 is not more than half")
			.isFalse();
		assertThat(VoteRule.SIMPLE_MAJORITY.passes(tally(5, 5, 0, hundred))).isFalse();
		assertThat(VoteRule.SIMPLE_MAJORITY.passes(tally(1, 0, 0, hundred))).as("turnout is not its business")
			.isTrue();
		assertThat(VoteRule.SIMPLE_MAJORITY.passes(Tally.empty(hundred))).isFalse();
	}

	@Test
	void aHouseholdMajorityCountsAgainstEveryHouseholdConcerned() {
		// 新河街: 380 households agreed to pay ¥10 a month; say 700 live in the street's buildings
		Electorate xinhe = new Electorate(700, 0, BigDecimal.ZERO);
		assertThat(VoteRule.HOUSEHOLD_MAJORITY.passes(tally(380, 20, 0, xinhe))).isTrue();
		assertThat(VoteRule.HOUSEHOLD_MAJORITY.passes(tally(350, 0, 0, xinhe))).as("350 of 700: half, not more")
			.isFalse();
		assertThat(VoteRule.HOUSEHOLD_MAJORITY.passes(tally(351, 349, 0, xinhe))).isTrue();
		assertThat(VoteRule.SIMPLE_MAJORITY.passes(tally(300, 100, 0, xinhe)))
			.as("the same votes carry a simple majority").isTrue();
		assertThat(VoteRule.HOUSEHOLD_MAJORITY.passes(tally(300, 100, 0, xinhe))).isFalse();
	}

	@Test
	void aDoubleMajorityNeedsMoreThanHalfOfTheOwnersByNumberAndByArea() {
		// six smallest owners: 80 + 80 + 80 + 80 + 90 + 90 = 500 m², exactly half the area
		assertThat(VoteRule.DOUBLE_MAJORITY.passes(owners(6, 6, "500.00"))).isFalse();
		// five largest: 150 + 130 + 120 + 100 + 90 = 590 m², but 5 of 10 owners is half
		assertThat(VoteRule.DOUBLE_MAJORITY.passes(owners(5, 5, "590.00"))).isFalse();
		// six largest: 150 + 130 + 120 + 100 + 90 + 80 = 670 m²
		assertThat(VoteRule.DOUBLE_MAJORITY.passes(owners(6, 6, "670.00"))).isTrue();
		// the renters' yes counts for nothing here: 2 renters and 5 owners (590 m²)
		assertThat(VoteRule.DOUBLE_MAJORITY.passes(owners(7, 5, "590.00"))).isFalse();
		// a hundredth of a square metre decides
		assertThat(VoteRule.DOUBLE_MAJORITY.passes(owners(6, 6, "500.01"))).isTrue();
	}

	@Test
	void meetingsDecideWithoutACount() {
		assertThat(VoteRule.REPRESENTATIVES.byHouseholds()).isFalse();
		assertThat(VoteRule.BRANCH.byHouseholds()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> VoteRule.BRANCH.passes(Tally.empty(BUILDING)));
	}

	@Test
	void anImpossibleTallyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> tally(10, 3, 0, BUILDING)).as("13 votes of 12");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Tally(5, 0, 0, 6, BigDecimal.TEN, BUILDING))
			.as("more owners saying yes than yes votes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Tally(5, 0, 0, 5, new BigDecimal("1000.01"), BUILDING));
		assertThatIllegalArgumentException().isThrownBy(() -> new Electorate(5, 6, BigDecimal.ONE));
	}

	@Test
	void turnoutIsForPeopleToRead() {
		assertThat(tally(200, 80, 20, new Electorate(380, 0, BigDecimal.ZERO)).turnoutPercent())
			.isEqualByComparingTo("78.9");
		assertThat(Tally.empty(BUILDING).turnoutPercent()).isEqualByComparingTo("0");
	}

	private static Tally tally(long yes, long no, long abstain, Electorate electorate) {
		return new Tally(yes, no, abstain, 0, BigDecimal.ZERO, electorate);
	}

	private static Tally owners(long yes, long ownersYes, String area) {
		return new Tally(yes, 12 - yes, 0, ownersYes, new BigDecimal(area), BUILDING);
	}
}
