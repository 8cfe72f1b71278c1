package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Role;

/** What a place must look like before it is written, and who may write one. */
class PlaceRulesTests {

	private static final UUID COMMUNITY = UUID.randomUUID();

	@Test
	void acceptsACompleteEstate() {
		assertThatCode(() -> PlaceRules.check(new NewEstate(COMMUNITY, "钱佳花园", EstateKind.RESETTLEMENT,
				GovernanceMode.MULTI_PARTY, null))).doesNotThrowAnyException();
	}

	@Test
	void namesEveryMissingFieldOfAnEstate() {
		DomainException refused = catchThrowableOfType(DomainException.class,
				() -> PlaceRules.check(new NewEstate(null, "  ", null, null, "x".repeat(201))));
		assertThat(refused.category()).isEqualTo(Category.INVALID);
		assertThat(refused.fieldProblems()).extracting(FieldProblem::field)
			.containsExactly("communityId", "name", "kind", "governanceMode", "address");
	}

	@Test
	void refusesAnEstateNameLongerThanSixtyCharacters() {
		assertThat(fields(() -> PlaceRules.check(new NewEstate(COMMUNITY, "小".repeat(61), EstateKind.OLD,
				GovernanceMode.SELF_GOVERNED, null)))).containsExactly("name");
	}

	@Test
	void aBuildingNeedsAPositionOnEarthAndSensibleFloors() {
		assertThat(fields(() -> PlaceRules.check(new NewBuilding(null, "1栋", 0, null, 200.0))))
			.containsExactly("floors", "lat", "lng");
		assertThat(fields(() -> PlaceRules.check(new NewBuilding(null, "1栋", 201, Double.NaN, 106.5))))
			.containsExactly("floors", "lat");
		assertThatCode(() -> PlaceRules.check(new NewBuilding(null, "1栋", 33, 29.4, 106.6)))
			.doesNotThrowAnyException();
	}

	@Test
	void aDwellingNeedsALabelAndAPositiveArea() {
		assertThat(fields(() -> PlaceRules.check(new NewDwelling(null, null, "", 300, BigDecimal.ZERO, null),
				"dwellings[3].")))
			.containsExactly("dwellings[3].label", "dwellings[3].floor", "dwellings[3].areaM2");
		assertThatCode(() -> PlaceRules.check(new NewDwelling(null, null, "1-0301", 3, new BigDecimal("68.5"), null),
				"")).doesNotThrowAnyException();
	}

	@Test
	void onlyCommunityStaffAndAboveWritePlaces() {
		for (Role writer : List.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN, Role.SYSTEM_ADMIN)) {
			assertThatCode(() -> PlaceRules.checkWriter(actor(writer))).doesNotThrowAnyException();
		}
		for (Role reader : List.of(Role.GRID_WORKER, Role.PARTY_MEMBER, Role.RESIDENT, Role.SECURITY_ADMIN,
				Role.AUDITOR, Role.PROPERTY_STAFF, Role.PARTNER_LIAISON)) {
			DomainException refused = catchThrowableOfType(DomainException.class,
					() -> PlaceRules.checkWriter(actor(reader)));
			assertThat(refused.category()).as("%s", reader).isEqualTo(Category.FORBIDDEN);
			assertThat(refused.code()).isEqualTo("PLACE_WRITE_FORBIDDEN");
		}
	}

	private static Actor actor(Role role) {
		UUID node = UUID.randomUUID();
		return new Actor(UUID.randomUUID(), "u", "u", Set.of(role), new DataScope(node, "/" + node + "/"));
	}

	private static List<String> fields(Runnable check) {
		DomainException refused = catchThrowableOfType(DomainException.class, check::run);
		assertThat(refused).as("refused").isNotNull();
		return refused.fieldProblems().stream().map(FieldProblem::field).toList();
	}
}
