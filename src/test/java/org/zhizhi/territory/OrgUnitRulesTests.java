package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException;

class OrgUnitRulesTests {

	static final OrgUnit CITY = unit(OrgLevel.CITY, "500000000000");

	static final OrgUnit BANAN = unit(OrgLevel.DISTRICT, "500113000000");

	static final OrgUnit JIESHI = unit(OrgLevel.STREET, "500113101000");

	static final OrgUnit DONGCHENG = unit(OrgLevel.COMMUNITY, "500113101001");

	static final OrgUnit GRID_1 = unit(OrgLevel.GRID, "500113101001001");

	@Test
	void administrativeCodesShareTheirParentsPrefix() {
		assertThat(OrgUnitRules.codeFits(OrgLevel.DISTRICT, "500113000000", CITY)).isTrue();
		assertThat(OrgUnitRules.codeFits(OrgLevel.STREET, "500113101000", BANAN)).isTrue();
		assertThat(OrgUnitRules.codeFits(OrgLevel.STREET, "500108004000", BANAN)).isFalse();
		assertThat(OrgUnitRules.codeFits(OrgLevel.COMMUNITY, "500113101001", JIESHI)).isTrue();
		assertThat(OrgUnitRules.codeFits(OrgLevel.COMMUNITY, "500113108001", JIESHI)).isFalse();
		assertThat(OrgUnitRules.codeFits(OrgLevel.COMMUNITY, "50011310100", JIESHI)).isFalse();
	}

	@Test
	void gridCodesAppendToTheirParents() {
		assertThat(OrgUnitRules.codeFits(OrgLevel.GRID, "500113101001015", DONGCHENG)).isTrue();
		assertThat(OrgUnitRules.codeFits(OrgLevel.GRID, "50011310100115", DONGCHENG)).isFalse();
		assertThat(OrgUnitRules.codeFits(OrgLevel.GRID, "500113101002001", DONGCHENG)).isFalse();
		assertThat(OrgUnitRules.codeFits(OrgLevel.MICRO_GRID, "50011310100100106", GRID_1)).isTrue();
		assertThat(OrgUnitRules.codeFits(OrgLevel.MICRO_GRID, "5001131010010010a", GRID_1)).isFalse();
	}

	@Test
	void aNodeHangsOnlyUnderTheLevelAboveIt() {
		assertThatThrownBy(() -> OrgUnitRules
			.check(new NewOrgUnit(BANAN.id(), OrgLevel.GRID, "网格", "500113000000001", "RESIDENTIAL", null), BANAN))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldProblems())
				.extracting(DomainException.FieldProblem::messageKey)
				.contains("territory.level.misplaced"));
	}

	@Test
	void gridsNeedAKindAndMicroGridsHaveNone() {
		assertThatThrownBy(() -> OrgUnitRules
			.check(new NewOrgUnit(DONGCHENG.id(), OrgLevel.GRID, "第16网格", "500113101001016", null, null), DONGCHENG))
			.isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> OrgUnitRules.check(
				new NewOrgUnit(GRID_1.id(), OrgLevel.MICRO_GRID, "微网格", "50011310100100107", "PARK", null), GRID_1))
			.isInstanceOf(DomainException.class);
		OrgUnitRules.check(new NewOrgUnit(DONGCHENG.id(), OrgLevel.GRID, "第16网格", "500113101001016", "PARK", null),
				DONGCHENG);
	}

	static OrgUnit unit(OrgLevel level, String code) {
		UUID id = UUID.randomUUID();
		return new OrgUnit(id, null, level, level.name(), code, null, "/" + id + "/", null, null);
	}
}
