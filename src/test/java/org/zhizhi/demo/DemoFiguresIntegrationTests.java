package org.zhizhi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The seeds' figures of the demo district's people as the API reports them: households and residents per estate and
 * for 东城社区, the 99% non-registered of 东城, the elders of 新河街 and the new-employment ledgers of 龙锦社区.
 */
@ZhizhiIntegrationTest
class DemoFiguresIntegrationTests {

	/** The demo loader acts as the installation itself. */
	private static final UUID DEMO = new UUID(0, 0);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void eachEstateHasTheSeedsHouseholdsAndResidents() {
		String admin = api.tokenOf("admin");
		assertThat(api.estateSummary(admin, "东城公租房")).containsEntry("buildings", 15L)
			.containsEntry("entrances", 30L)
			.containsEntry("dwellings", 4993L)
			.containsEntry("households", 4993L)
			.containsEntry("residents", 11940L);
		assertThat(api.estateSummary(admin, "钱佳花园")).containsEntry("dwellings", 1159L)
			.containsEntry("households", 1159L)
			.containsEntry("residents", 2213L);
		assertThat(api.estateSummary(admin, "新河街")).containsEntry("buildings", 12L)
			.containsEntry("dwellings", 380L)
			.containsEntry("households", 380L)
			.containsEntry("residents", 769L);
		// staff quarters with empty flats: fewer households than dwellings
		assertThat(api.estateSummary(admin, "走马二村")).containsEntry("buildings", 19L)
			.containsEntry("entrances", 43L)
			.containsEntry("dwellings", 842L)
			.containsEntry("households", 318L)
			.containsEntry("residents", 732L);
		assertThat(api.estateSummary(admin, "华城国际")).containsEntry("buildings", 2L)
			.containsEntry("dwellings", 641L)
			.containsEntry("households", 641L)
			.containsEntry("residents", 1563L);
		assertThat(api.estateSummary(admin, "龙锦公寓")).containsEntry("buildings", 2L)
			.containsEntry("dwellings", 60L)
			.containsEntry("households", 55L)
			.containsEntry("residents", 110L);
	}

	@Test
	void dongchengCountsItsHouseholdsAndResidents() {
		Map<String, Long> summary = ApiClient.counts(
				api.get("/api/v1/org-units/" + api.orgUnitId("东城社区") + "/summary", api.tokenOf("dongcheng")));
		// other tests register households in 东城's grids too: what they added is counted on top of the demo's
		String path = jdbc.sql("SELECT path FROM territory.org_unit WHERE name = '东城社区'").query(String.class).single();
		long addedHouseholds = jdbc.sql("""
				SELECT count(*) FROM people.household
				 WHERE scope_path LIKE :p AND moved_out IS NULL AND created_by IS DISTINCT FROM :demo
				""").param("p", path + "%").param("demo", DEMO).query(Long.class).single();
		long addedResidents = jdbc.sql("""
				SELECT count(*) FROM people.resident r JOIN people.household h ON h.id = r.household_id
				 WHERE r.scope_path LIKE :p AND r.active AND h.created_by IS DISTINCT FROM :demo
				""").param("p", path + "%").param("demo", DEMO).query(Long.class).single();
		assertThat(summary).containsEntry("households", 4993L + addedHouseholds)
			.containsEntry("residents", 11940L + addedResidents)
			.containsEntry("grids", 15L);
	}

	@Test
	void ninetyNinePercentOfDongchengsResidentsAreNotRegisteredThere() {
		String token = api.tokenOf("dongcheng");
		long residents = 0;
		long floating = 0;
		List<JsonNode> buildings = api.get("/api/v1/estates/" + api.estateId(token, "东城公租房") + "/buildings", token).list();
		assertThat(buildings).hasSize(15);
		assertThat(buildings.stream().map(b -> b.path("gridId").asString()).distinct()).hasSize(15);
		for (JsonNode building : buildings) {
			String id = building.path("id").asString();
			long inBuilding = total(token, "buildingId=" + id);
			assertThat(inBuilding).as("residents of %s", building.path("name").asString()).isPositive();
			residents += inBuilding;
			floating += total(token, "buildingId=" + id + "&tag=FLOATING");
		}
		assertThat(residents).isEqualTo(11940);
		assertThat(floating).isEqualTo(11821);
		assertThat(floating * 100.0 / residents).isGreaterThanOrEqualTo(99.0);
		long registeredHouseholds = jdbc.sql("""
				SELECT count(*) FROM people.household h JOIN territory.building b ON b.id = h.building_id
				  JOIN territory.estate e ON e.id = b.estate_id
				 WHERE e.name = '东城公租房' AND h.registered
				""").query(Long.class).single();
		assertThat(registeredHouseholds).isEqualTo(50);
	}

	@Test
	void overThirtyPercentOfXinheStreetAreSixtyOrOlder() {
		// the district admin: since issue 11 the system admin reads no resident data
		String admin = api.tokenOf("banan");
		List<JsonNode> residents = new ArrayList<>();
		for (JsonNode building : api.get("/api/v1/estates/" + api.estateId(admin, "新河街") + "/buildings", admin).list()) {
			residents.addAll(all(admin, "buildingId=" + building.path("id").asString()));
		}
		assertThat(residents).hasSize(769);
		long elders = residents.stream().filter(r -> age(r) >= 60).count();
		assertThat(elders * 100.0 / residents.size()).isGreaterThan(30.0);
		// the tags follow from the birth dates and the households
		assertThat(residents).allSatisfy(r -> {
			boolean eighty = age(r) >= 80;
			assertThat(tags(r).contains("AGED_80_PLUS")).as("80岁以上 at age %s", r.path("age")).isEqualTo(eighty);
			if (tags(r).contains("CHILD")) {
				assertThat(age(r)).isLessThan(14);
			}
			if (tags(r).contains("ELDER_ALONE")) {
				assertThat(age(r)).isGreaterThanOrEqualTo(60);
			}
			assertThat(r.path("idCardNumber").asString()).matches("5001\\*{10}\\d{3}[\\dX]");
		});
		assertThat(residents).anySatisfy(r -> assertThat(tags(r)).contains("ELDER_ALONE"));
		assertThat(residents).anySatisfy(r -> assertThat(r.path("relation").asString()).isEqualTo("GRANDCHILD"));
	}

	@Test
	void longjinsLedgersHoldItsHundredAndTenWorkersAndThirtyTwoPioneerRiders() {
		String username = ApiClient.uniqueUsername("it-longjin");
		api.createAccount(api.tokenOf("banan"),
				ApiClient.newAccount(username, "COMMUNITY_STAFF", api.orgUnitId("龙锦社区"), null));
		String token = api.login(username, ApiClient.TEST_PASSWORD);

		List<JsonNode> workers = ledger(token, "");
		assertThat(workers).hasSize(110).allSatisfy(w -> {
			assertThat(w.path("dwellingLabel").asString()).startsWith("龙锦公寓 ");
			assertThat(w.path("kind").asString()).isIn("RIDER", "COURIER", "RIDE_HAILING");
		});
		assertThat(workers.stream().map(w -> w.path("kind").asString()).distinct()).hasSize(3);
		List<JsonNode> pioneers = ledger(token, "role=PIONEER_RIDER");
		assertThat(pioneers).hasSize(32)
			.allSatisfy(p -> assertThat(p.path("roles").toString()).contains("PIONEER_RIDER"));
		assertThat(ledger(token, "role=VOLUNTEER")).isNotEmpty();
		assertThat(total(token, "tag=PARTY_MEMBER")).isEqualTo(10);
		assertThat(total(token, "tag=NEW_EMPLOYMENT")).isEqualTo(110);
	}

	@Test
	void aDemoResidentHasTheHistoryOfTheNormalPath() {
		String token = api.tokenOf("dongcheng");
		String building = api.get("/api/v1/estates/" + api.estateId(token, "东城公租房") + "/buildings", token)
			.list()
			.get(0)
			.path("id")
			.asString();
		List<JsonNode> residents = all(token, "buildingId=" + building);
		assertThat(residents).allSatisfy(r -> {
			if (r.hasNonNull("phone")) {
				assertThat(r.path("phone").asString()).startsWith("170****");
			}
		});
		JsonNode resident = residents.get(0);
		List<JsonNode> versions = api.get("/api/v1/residents/" + resident.path("id").asString() + "/versions", token)
			.list();
		assertThat(versions).hasSize(1);
		assertThat(versions.get(0).path("reason").asString()).isEqualTo("IMPORTED");
		long demoResidents = jdbc.sql("SELECT count(*) FROM people.resident WHERE updated_by = :demo")
			.param("demo", DEMO)
			.query(Long.class)
			.single();
		assertThat(demoResidents).isEqualTo(11940 + 2213 + 769 + 732 + 1563 + 110);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM people.resident_version WHERE recorded_by = :demo AND reason = 'IMPORTED'
				""").param("demo", DEMO).query(Long.class).single()).isEqualTo(demoResidents);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM people.household_event WHERE recorded_by = :demo AND kind = 'MEMBER_ADDED'
				""").param("demo", DEMO).query(Long.class).single()).isEqualTo(demoResidents);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM people.household_event WHERE recorded_by = :demo AND kind = 'MOVED_IN'
				""").param("demo", DEMO).query(Long.class).single()).isEqualTo(4993 + 1159 + 380 + 318 + 641 + 55);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM people.household WHERE created_by = :demo AND head_resident_id IS NULL
				""").param("demo", DEMO).query(Long.class).single()).isZero();
	}

	/**
	 * 巴南区 at work whenever the demo is loaded: the activities it put under way in 东城、下新新 and 龙锦 have their
	 * volunteers on duty for the district's desk — and on its big screen — and each community's desk sees its own.
	 * Other tests check people in too, so the demo's are found by their activities, not by a global count.
	 */
	@Test
	void banansVolunteersAreOnDutyAtTheActivitiesUnderWay() {
		String banan = api.tokenOf("banan");
		Response answer = api.get("/api/v1/volunteer/on-duty", banan);
		assertThat(answer.status()).as(answer.brief()).isEqualTo(200);
		JsonNode onDuty = answer.json();
		int demo = 0;
		for (DemoOnDuty.Shift shift : DemoOnDuty.SHIFTS) {
			List<JsonNode> at = onDuty.path("onSite")
				.valueStream()
				.filter(l -> l.path("activityTitle").asString().equals(shift.title()))
				.toList();
			assertThat(at).as(shift.title()).hasSize(shift.checkedIn()).allSatisfy(l -> {
				assertThat(java.time.Instant.parse(l.path("endsAt").asString())).as("still under way")
					.isAfter(java.time.Instant.parse(l.path("checkedInAt").asString()));
				assertThat(l.path("personName").asString()).isNotBlank();
			});
			demo += shift.checkedIn();
		}
		assertThat(onDuty.path("people").asLong()).isGreaterThanOrEqualTo(demo);
		assertThat(api.get("/api/v1/command/screen", banan).json().path("volunteers").path("people").asLong())
			.as("the big screen's 在岗志愿者").isEqualTo(onDuty.path("people").asLong());

		// a community's desk sees its own activities and no other's
		JsonNode longjin = api.get("/api/v1/volunteer/on-duty", api.tokenOf("longjin")).json();
		assertThat(longjin.path("onSite").findValuesAsString("activityTitle")).contains("先锋骑士沿街巡查")
			.doesNotContain("一抹红平安巡逻（白班）", "微孝热线轮流坐班");
		assertThat(longjin.path("onSite").findValuesAsString("teamName")).contains("先锋骑士志愿服务队");
		JsonNode dongcheng = api.get("/api/v1/volunteer/on-duty", api.tokenOf("dongcheng")).json();
		assertThat(dongcheng.path("onSite").findValuesAsString("activityTitle"))
			.contains("一抹红平安巡逻（白班）", "为老义诊进楼栋")
			.doesNotContain("先锋骑士沿街巡查");
	}

	private List<JsonNode> ledger(String token, String query) {
		List<JsonNode> entries = new ArrayList<>();
		for (int page = 0;; page++) {
			Response response = api.get("/api/v1/ledgers/new-employment?page=" + page + "&" + query, token);
			assertThat(response.status()).as(response.brief()).isEqualTo(200);
			List<JsonNode> found = response.list();
			entries.addAll(found);
			if (found.size() < 100) {
				return entries;
			}
		}
	}

	private long total(String token, String query) {
		Response response = api.get("/api/v1/residents?size=1&" + query, token);
		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		return response.json().path("total").asLong();
	}

	private List<JsonNode> all(String token, String query) {
		List<JsonNode> items = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode body = api.get("/api/v1/residents?size=100&page=" + page + "&" + query, token).json();
			body.path("items").forEach(items::add);
			if (items.size() >= body.path("total").asLong()) {
				return items;
			}
		}
	}

	/** Lists give the age and birth year, never the birth date (it would unmask the ID number). */
	private static int age(JsonNode resident) {
		assertThat(resident.has("birthDate")).as("birth date hidden").isFalse();
		return resident.path("age").asInt();
	}

	private static List<String> tags(JsonNode resident) {
		List<String> tags = new ArrayList<>();
		resident.path("tags").forEach(t -> tags.add(t.asString()));
		return tags;
	}



}
