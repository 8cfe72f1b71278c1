package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zhizhi.territory.GridStandard.Verdict;

class GridStandardTests {

	@Test
	void residentialGridsHoldThreeToFiveHundredHouseholds() {
		GridStandard grid = GridStandard.of(OrgLevel.GRID, "RESIDENTIAL").orElseThrow();
		assertThat(grid.judge(299)).isEqualTo(Verdict.BELOW);
		assertThat(grid.judge(300)).isEqualTo(Verdict.WITHIN);
		assertThat(grid.judge(500)).isEqualTo(Verdict.WITHIN);
		assertThat(grid.judge(501)).isEqualTo(Verdict.ABOVE);
	}

	@Test
	void microGridsHoldFiftyToEighty() {
		GridStandard micro = GridStandard.of(OrgLevel.MICRO_GRID, null).orElseThrow();
		assertThat(micro.judge(49)).isEqualTo(Verdict.BELOW);
		assertThat(micro.judge(80)).isEqualTo(Verdict.WITHIN);
		assertThat(micro.judge(81)).isEqualTo(Verdict.ABOVE);
	}

	@Test
	void parkGridsAndAdministrativeLevelsAreNotHeldToIt() {
		assertThat(GridStandard.of(OrgLevel.GRID, "PARK")).isEmpty();
		assertThat(GridStandard.of(OrgLevel.COMMUNITY, "URBAN")).isEmpty();
	}
}
