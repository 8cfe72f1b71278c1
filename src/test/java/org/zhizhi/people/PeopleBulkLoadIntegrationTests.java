package org.zhizhi.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.people.PeopleFixture.Place;
import org.zhizhi.people.PeopleViews.BulkHousehold;
import org.zhizhi.people.PeopleViews.BulkLoadResult;
import org.zhizhi.people.PeopleViews.BulkResident;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.DwellingRef;
import org.zhizhi.territory.PlaceQueries;

/**
 * The bulk load (the demo district's residents): the same checks and the same rows as one by one — versions, events,
 * head, ledger roles — all or nothing.
 */
@ZhizhiIntegrationTest
class PeopleBulkLoadIntegrationTests {

	@Autowired
	PeopleManagement management;

	@Autowired
	PlaceQueries places;

	@Autowired
	JdbcClient jdbc;

	@Test
	void writesTheRowsOfTheSinglePath() {
		Place place = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0);
		Actor actor = staff("东城社区", Role.COMMUNITY_STAFF);
		BulkResident courier = new BulkResident("宋明", Gender.MALE, PeopleFixture.idCardNumber(), PeopleFixture.phone(),
				Relation.HEAD, Set.of(ResidentTag.NEW_EMPLOYMENT), NewEmploymentKind.COURIER,
				List.of(LedgerRole.PIONEER_RIDER));
		BulkResident child = new BulkResident("宋小雨", Gender.FEMALE, PeopleFixture.idCardNumber(), null, Relation.CHILD,
				Set.of(ResidentTag.CHILD), null, null);
		BulkLoadResult result = management.bulkLoad(actor, List.of(new BulkHousehold(dwelling(actor, place), false,
				Tenure.RENTER, LocalDate.of(2024, 3, 1), List.of(courier, child))));
		assertThat(result).isEqualTo(new BulkLoadResult(1, 2, 1));

		Map<String, Object> household = jdbc.sql("SELECT * FROM people.household WHERE dwelling_id = :d")
			.param("d", place.dwellingId())
			.query()
			.singleRow();
		UUID householdId = (UUID) household.get("id");
		assertThat(household.get("head_resident_id")).isNotNull();
		assertThat(jdbc.sql("SELECT kind FROM people.household_event WHERE household_id = :h ORDER BY kind")
			.param("h", householdId)
			.query(String.class)
			.list()).containsExactly("MEMBER_ADDED", "MEMBER_ADDED", "MOVED_IN");
		assertThat(jdbc.sql("""
				SELECT v.reason FROM people.resident_version v JOIN people.resident r ON r.id = v.resident_id
				 WHERE r.household_id = :h
				""").param("h", householdId).query(String.class).list()).containsExactly("IMPORTED", "IMPORTED");
		assertThat(jdbc.sql("""
				SELECT l.role FROM people.ledger_role l JOIN people.resident r ON r.id = l.resident_id
				 WHERE r.household_id = :h
				""").param("h", householdId).query(String.class).list()).containsExactly("PIONEER_RIDER");
		byte[] stored = jdbc.sql("SELECT id_card_cipher FROM people.resident WHERE id = :id")
			.param("id", household.get("head_resident_id"))
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(courier.idCardNumber());
	}

	@Test
	void refusesTheWholeLoadOnOneBadMemberOrAForeignDwelling() {
		List<Place> mine = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1);
		Place foreign = PeopleFixture.dwellings(jdbc, "东城社区第2网格", 1).get(0);
		Actor community = staff("东城社区", Role.COMMUNITY_STAFF);
		Actor gridOne = staff("东城社区第1网格", Role.GRID_WORKER);
		BulkResident good = new BulkResident("林秀", Gender.FEMALE, PeopleFixture.idCardNumber(), null, Relation.HEAD,
				null, null, null);
		BulkResident secondHead = new BulkResident("林二", Gender.MALE, "500113199901011231", null, Relation.HEAD,
				null, null, List.of(LedgerRole.VOLUNTEER));
		List<BulkHousehold> load = List.of(
				new BulkHousehold(dwelling(community, mine.get(0)), true, Tenure.OWNER, LocalDate.of(2020, 1, 1),
						List.of(good, secondHead)),
				new BulkHousehold(dwelling(community, foreign), true, Tenure.OWNER, LocalDate.of(2020, 1, 1),
						List.of(good)));

		DomainException refused = catchThrowableOfType(DomainException.class, () -> management.bulkLoad(gridOne, load));
		assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.fieldProblems()).extracting(DomainException.FieldProblem::field)
			.containsExactlyInAnyOrder("households[0].members[1].idCardNumber", "households[0].members[1].relation",
					"households[0].members[1].ledgerRoles", "households[1].dwellingId",
					"households[1].members[0].idCardNumber");
		assertThat(jdbc.sql("SELECT count(*) FROM people.household WHERE dwelling_id IN (:a, :b)")
			.param("a", mine.get(0).dwellingId())
			.param("b", foreign.dwellingId())
			.query(Long.class)
			.single()).isZero();

		DomainException forbidden = catchThrowableOfType(DomainException.class,
				() -> management.bulkLoad(staff("东城社区", Role.SYSTEM_ADMIN), load));
		assertThat(forbidden.code()).isEqualTo("FORBIDDEN");
	}

	private DwellingRef dwelling(Actor actor, Place place) {
		return places.dwelling(actor.scope(), place.dwellingId()).orElseThrow();
	}

	private Actor staff(String node, Role role) {
		Map<String, Object> row = jdbc.sql("SELECT id, path FROM territory.org_unit WHERE name = :n")
			.param("n", node)
			.query()
			.singleRow();
		return new Actor(UUID.randomUUID(), "bulk-test", "bulk-test", Set.of(role),
				new DataScope((UUID) row.get("id"), (String) row.get("path")));
	}
}
