package org.zhizhi.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.people.PeopleFixture.Place;
import org.zhizhi.people.PeopleViews.AddResident;
import org.zhizhi.people.PeopleViews.AssignLedgerRole;
import org.zhizhi.people.PeopleViews.HouseholdHistoryEntry;
import org.zhizhi.people.PeopleViews.MoveHouse;
import org.zhizhi.people.PeopleViews.RegisterHousehold;
import org.zhizhi.people.PeopleViews.ResidentVersionEntry;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.NewOrgUnit;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.TerritoryManagement;

/**
 * The people tables are partitioned by district (people/V7, V8; docs/scaling.md): a district created in the tree gets
 * its partition of each of them at once; a household moving to another district takes its members' rows there under
 * the same ids, with their versions, ledger roles and account; and one account stays one resident across districts.
 */
@ZhizhiIntegrationTest
class PeoplePartitionsIntegrationTests {

	private static final List<String> PARTITIONED = List.of("household", "resident", "resident_version",
			"household_event", "ledger_role");

	@Autowired
	TerritoryManagement territory;

	@Autowired
	PeopleManagement people;

	@Autowired
	PeopleQueries queries;

	@Autowired
	ResidentAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private OrgUnit district;

	private String suffix;

	private OrgUnit community;

	private int grids;

	/** Staff whose scope is the whole city: both the demo's district and the new one. */
	private Actor cityStaff;

	@BeforeEach
	void aNewDistrict() {
		Map<String, Object> city = jdbc.sql("SELECT id, path FROM territory.org_unit WHERE name = '重庆市'")
			.query()
			.singleRow();
		district = newDistrict((UUID) city.get("id"));
		suffix = district.id().toString().replace("-", "");
		String code = district.code().substring(0, 6);
		OrgUnit street = territory.add(new NewOrgUnit(district.id(), OrgLevel.STREET, "居民分区测试街道",
				code + "001000", "SUBDISTRICT", null));
		community = territory.add(new NewOrgUnit(street.id(), OrgLevel.COMMUNITY, "居民分区测试社区", code + "001001",
				"URBAN", null));
		cityStaff = new Actor(UUID.randomUUID(), "it-people-parts", "测试", Set.of(Role.COMMUNITY_STAFF),
				new DataScope((UUID) city.get("id"), (String) city.get("path")));
	}

	@Test
	void aNewDistrictGetsItsPeoplePartitionsAndItsHouseholdsLandInThem() {
		for (String table : PARTITIONED) {
			assertThat(partitionsHolding(table, district.id())).as(table).containsExactly(table + "_" + suffix);
		}
		// made once: the start-up check and a repeated event find them there
		assertThat(jdbc.sql("SELECT people.add_district_partitions(:d)").param("d", district.id())
			.query(Integer.class).single()).isZero();

		Place place = PeopleFixture.dwellings(jdbc, newGrid(), 1).get(0);
		UUID household = register(place);
		UUID resident = addHead(household);
		people.assignLedgerRole(cityStaff, resident, new AssignLedgerRole(LedgerRole.VOLUNTEER, null, null));

		assertThat(storedIn("household", "id", household)).containsExactly("household_" + suffix);
		assertThat(storedIn("household_event", "household_id", household)).containsExactly("household_event_" + suffix);
		assertThat(storedIn("resident", "id", resident)).containsExactly("resident_" + suffix);
		assertThat(storedIn("resident_version", "resident_id", resident)).containsExactly("resident_version_" + suffix);
		assertThat(storedIn("ledger_role", "resident_id", resident)).containsExactly("ledger_role_" + suffix);
	}

	@Test
	void aResidentMovedToAnotherDistrictKeepsHisIdHisLinksAndHisAccount() {
		Place before = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0);
		Place after = PeopleFixture.dwellings(jdbc, newGrid(), 1).get(0);
		UUID household = register(before);
		UUID resident = addHead(household);
		people.assignLedgerRole(cityStaff, resident, new AssignLedgerRole(LedgerRole.PIONEER_RIDER, null, null));
		UUID account = UUID.randomUUID();
		accounts.bind(cityStaff, resident, account);
		String partitionBefore = storedIn("resident", "id", resident).get(0);
		assertThat(partitionBefore).isNotEqualTo("resident_" + suffix);

		people.moveHouse(cityStaff, household, new MoveHouse(after.dwellingId(), null));

		// the same rows under the same ids, now in the new district's partitions
		assertThat(storedIn("household", "id", household)).containsExactly("household_" + suffix);
		assertThat(storedIn("resident", "id", resident)).containsExactly("resident_" + suffix);
		assertThat(queries.resident(cityStaff, resident).gridId()).isEqualTo(after.gridId());
		assertThat(jdbc.sql("SELECT district_id FROM people.resident WHERE id = :id").param("id", resident)
			.query(UUID.class).single()).isEqualTo(district.id());
		// his history stays where it was written, and is still his
		assertThat(queries.versions(cityStaff, resident)).extracting(ResidentVersionEntry::reason)
			.containsExactly("CREATED", "MOVED_HOUSE");
		assertThat(storedIn("resident_version", "resident_id", resident)).containsExactlyInAnyOrder(
				partitionBefore.replace("resident_", "resident_version_"), "resident_version_" + suffix);
		assertThat(queries.history(cityStaff, household)).extracting(HouseholdHistoryEntry::kind)
			.containsExactlyInAnyOrder(HouseholdEventKind.MOVED_IN, HouseholdEventKind.MEMBER_ADDED,
					HouseholdEventKind.MOVED_HOUSE);
		assertThat(queries.ledger(cityStaff, NewEmploymentKind.RIDER, LedgerRole.PIONEER_RIDER, 0, 500))
			.anySatisfy(entry -> {
				assertThat(entry.residentId()).isEqualTo(resident);
				assertThat(entry.roles()).containsExactly(LedgerRole.PIONEER_RIDER);
			});
		// his account went with him: it finds his new home, and is still his alone in either district
		assertThat(queries.homeOf(account)).hasValueSatisfying(home -> {
			assertThat(home.residentId()).isEqualTo(resident);
			assertThat(home.dwellingId()).isEqualTo(after.dwellingId());
		});
		assertThat(jdbc.sql("SELECT district_id FROM people.resident_account WHERE account_id = :a")
			.param("a", account).query(UUID.class).single()).isEqualTo(district.id());
		UUID stayedBehind = addHead(register(PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0)));
		UUID newNeighbour = addHead(register(PeopleFixture.dwellings(jdbc, newGrid(), 1).get(0)));
		for (UUID other : List.of(stayedBehind, newNeighbour)) {
			assertThatThrownBy(() -> accounts.bind(cityStaff, other, account)).isInstanceOfSatisfying(
					DomainException.class, e -> assertThat(e.code()).isEqualTo("ACCOUNT_BOUND"));
		}
		// what referred to him keeps him from being deleted, as the foreign keys did
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM people.resident WHERE id = :id").param("id", resident).update())
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void twoResidentsOfDifferentDistrictsCannotShareAnAccount() {
		UUID inDemo = addHead(register(PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0)));
		UUID inNewDistrict = addHead(register(PeopleFixture.dwellings(jdbc, newGrid(), 1).get(0)));
		UUID account = UUID.randomUUID();
		accounts.bind(cityStaff, inDemo, account);

		assertThatThrownBy(() -> accounts.bind(cityStaff, inNewDistrict, account)).isInstanceOfSatisfying(
				DomainException.class, e -> assertThat(e.code()).isEqualTo("ACCOUNT_BOUND"));
		// the database refuses it too, not only the platform's look before the write
		assertThatThrownBy(() -> jdbc.sql("UPDATE people.resident SET account_id = :a WHERE id = :id")
			.param("a", account)
			.param("id", inNewDistrict)
			.update()).isInstanceOf(DuplicateKeyException.class);
		assertThat(jdbc.sql("SELECT count(*) FROM people.resident WHERE account_id = :a").param("a", account)
			.query(Long.class).single()).isEqualTo(1);
	}

	private UUID register(Place place) {
		return people.registerHousehold(cityStaff,
				new RegisterHousehold(place.dwellingId(), false, Tenure.RENTER, LocalDate.of(2023, 5, 1)));
	}

	private UUID addHead(UUID household) {
		return people.addResident(cityStaff, new AddResident(household, "周立波", Gender.MALE, null,
				PeopleFixture.idCardNumber(), PeopleFixture.phone(), Relation.HEAD, Set.of(ResidentTag.NEW_EMPLOYMENT),
				NewEmploymentKind.RIDER));
	}

	/** A district of its own under the city, with a code no other test took. */
	private OrgUnit newDistrict(UUID city) {
		for (int attempt = 0;; attempt++) {
			String code = "5007" + String.format("%02d", ThreadLocalRandom.current().nextInt(100)) + "000000";
			try {
				return territory.add(new NewOrgUnit(city, OrgLevel.DISTRICT, "居民分区测试区" + code.substring(4, 6),
						code, null, null));
			}
			catch (DomainException e) {
				if (!"CODE_TAKEN".equals(e.code()) || attempt > 20) {
					throw e;
				}
			}
		}
	}

	/** A new grid of the district's community; its name, which the fixture finds it by. */
	private String newGrid() {
		String name = "居民分区测试网格" + UUID.randomUUID().toString().substring(0, 8);
		territory.add(new NewOrgUnit(community.id(), OrgLevel.GRID, name,
				community.code() + String.format("%03d", ++grids), "RESIDENTIAL", null));
		return name;
	}

	/** The partitions of a table whose bound names the district. */
	private List<String> partitionsHolding(String table, UUID district) {
		return jdbc.sql("""
				SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				 WHERE i.inhparent = CAST(:parent AS regclass)
				   AND pg_get_expr(c.relpartbound, c.oid) LIKE '%' || :district || '%'""")
			.param("parent", "people." + table)
			.param("district", district.toString())
			.query(String.class)
			.list();
	}

	/** Which partitions hold the rows of the table with the given value. */
	private List<String> storedIn(String table, String column, UUID value) {
		return jdbc.sql("SELECT DISTINCT c.relname FROM people." + table + " t JOIN pg_class c ON c.oid = t.tableoid"
				+ " WHERE t." + column + " = :v")
			.param("v", value)
			.query(String.class)
			.list();
	}
}
