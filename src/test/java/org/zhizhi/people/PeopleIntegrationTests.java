package org.zhizhi.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.zhizhi.people.PeopleFixture.Place;
import org.zhizhi.shared.DataScope;

import tools.jackson.databind.JsonNode;

/**
 * Households and residents over real HTTP: scope, exact search through the keyed hashes, masking, the audited full
 * view, the roles that may not read residents at all, history on moves, and the all-or-nothing import.
 */
@ZhizhiIntegrationTest
class PeopleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PeopleQueries queries;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	private UUID household(String token, UUID dwellingId) {
		Response response = api.post("/api/v1/households", token, PeopleFixture.household(dwellingId));
		assertThat(response.status()).as(response.brief()).isEqualTo(201);
		return UUID.fromString(response.json().path("household").path("id").asString());
	}

	private JsonNode resident(String token, UUID householdId, String name, String idCard, String phone,
			String relation) {
		Response response = api.post("/api/v1/residents", token,
				PeopleFixture.resident(householdId, name, idCard, phone, relation));
		assertThat(response.status()).as(response.brief()).isEqualTo(201);
		return response.json();
	}

	@Test
	void aGridWorkerOfGridOneCannotSeeAResidentOfGridTwo() {
		Place gridTwo = PeopleFixture.dwellings(jdbc, "东城社区第2网格", 1).get(0);
		String community = api.tokenOf("dongcheng");
		UUID householdId = household(community, gridTwo.dwellingId());
		String idCard = PeopleFixture.idCardNumber();
		UUID residentId = UUID.fromString(
				resident(community, householdId, "王秀英", idCard, PeopleFixture.phone(), "HEAD").path("id").asString());

		String gridOne = api.tokenOf("dongcheng-g01");
		assertThat(api.get("/api/v1/residents/" + residentId, gridOne).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/households/" + householdId, gridOne).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.post("/api/v1/residents/" + residentId + "/full", gridOne, null).problemCode(404))
			.isEqualTo("NOT_FOUND");
		Response search = api.get("/api/v1/residents?idCardNumber=" + idCard, gridOne);
		assertThat(search.json().path("total").asLong()).isZero();
		Response all = api.get("/api/v1/residents?size=100", gridOne);
		all.json().path("items").forEach(item -> assertThat(item.path("gridId").asString())
			.isEqualTo(api.orgUnitId("东城社区第1网格").toString()));
		// nor may he register a household in the other grid's dwelling
		Response refused = api.post("/api/v1/households", gridOne, PeopleFixture.household(gridTwo.dwellingId()));
		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).containsExactly("dwellingId");

		assertThat(api.get("/api/v1/residents/" + residentId, api.tokenOf("dongcheng-g02")).status()).isEqualTo(200);
	}

	@Test
	void findsAResidentByPhoneOrIdNumberExactlyAndShowsHerMasked() {
		Place place = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0);
		String token = api.tokenOf("dongcheng");
		UUID householdId = household(token, place.dwellingId());
		String idCard = PeopleFixture.idCardNumber();
		String phone = PeopleFixture.phone();
		resident(token, householdId, "李春梅", idCard, phone, "HEAD");
		resident(token, householdId, "赵刚", PeopleFixture.idCardNumber(), PeopleFixture.phone(), "SPOUSE");

		Response byPhone = api.get("/api/v1/residents?phone=" + phone, token);
		assertThat(byPhone.status()).isEqualTo(200);
		assertThat(byPhone.json().path("total").asLong()).isEqualTo(1);
		JsonNode found = byPhone.json().path("items").path(0);
		assertThat(found.path("name").asString()).isEqualTo("李*梅");
		assertThat(found.path("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(found.path("idCardNumber").asString())
			.isEqualTo(idCard.substring(0, 4) + "**********" + idCard.substring(14));
		assertThat(byPhone.body()).doesNotContain(phone).doesNotContain(idCard).doesNotContain("李春梅");

		Response byId = api.get("/api/v1/residents?idCardNumber=" + idCard.toLowerCase(), token);
		assertThat(byId.json().path("total").asLong()).isEqualTo(1);
		assertThat(byId.json().path("items").path(0).path("id")).isEqualTo(found.path("id"));
		// a partial number finds nothing: the search compares keyed hashes, not text
		assertThat(api.get("/api/v1/residents?phone=" + phone.substring(0, 10), token).json().path("total").asLong())
			.isZero();
		assertThat(api.get("/api/v1/residents?buildingId=" + place.buildingId() + "&tag=FLOATING", token)
			.json()
			.path("total")
			.asLong()).isEqualTo(2);
		Response byName = api.get("/api/v1/residents?name=" + ApiClient.encode("春梅"), token);
		assertThat(byName.json().path("total").asLong()).isEqualTo(1);

		// what is stored is cipher text
		byte[] stored = jdbc.sql("SELECT id_card_cipher FROM people.resident WHERE id = :id")
			.param("id", UUID.fromString(found.path("id").asString()))
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(idCard);
	}

	@Test
	void theFullViewIsForStaffOnlyAndWrittenToTheAuditTrail() {
		Place place = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0);
		String token = api.tokenOf("dongcheng");
		UUID householdId = household(token, place.dwellingId());
		String idCard = PeopleFixture.idCardNumber();
		String phone = PeopleFixture.phone();
		String id = resident(token, householdId, "周文华", idCard, phone, "HEAD").path("id").asString();

		Response full = api.post("/api/v1/residents/" + id + "/full", api.tokenOf("dongcheng-g01"), null);
		assertThat(full.status()).as(full.brief()).isEqualTo(200);
		assertThat(full.json().path("name").asString()).isEqualTo("周文华");
		assertThat(full.json().path("idCardNumber").asString()).isEqualTo(idCard);
		assertThat(full.json().path("phone").asString()).isEqualTo(phone);

		Response trail = api.get("/api/v1/audit-entries?action=" + PeopleQueries.VIEW_FULL_ACTION,
				api.tokenOf("auditor"));
		assertThat(trail.status()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		trail.json().forEach(entries::add);
		assertThat(entries).anySatisfy(entry -> {
			assertThat(entry.path("objectId").asString()).isEqualTo(id);
			assertThat(entry.path("username").asString()).isEqualTo("dongcheng-g01");
			assertThat(entry.path("outcome").asString()).isEqualTo("SUCCESS");
		});

		// a party member reads residents masked but may not show them in full
		assertThat(api.get("/api/v1/residents/" + id, api.tokenOf("dangyuan01")).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/residents/" + id + "/full", api.tokenOf("dangyuan01"), null).status())
			.isEqualTo(403);
	}

	@Test
	void theSecurityAdminAndTheAuditorCannotReadResidents() {
		for (String user : List.of("security", "auditor")) {
			String token = api.tokenOf(user);
			assertThat(api.get("/api/v1/residents", token).status()).as(user).isEqualTo(403);
			assertThat(api.get("/api/v1/residents/" + UUID.randomUUID(), token).status()).as(user).isEqualTo(403);
			assertThat(api.post("/api/v1/residents/" + UUID.randomUUID() + "/full", token, null).status()).as(user)
				.isEqualTo(403);
			assertThat(api.get("/api/v1/ledgers/new-employment", token).status()).as(user).isEqualTo(403);
		}
	}

	@Test
	void refusesABadIdNumberAndPhoneWithFieldErrors() {
		Place place = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0);
		String token = api.tokenOf("dongcheng");
		UUID householdId = household(token, place.dwellingId());
		String good = PeopleFixture.idCardNumber();
		String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
		Response response = api.post("/api/v1/residents", token,
				PeopleFixture.resident(householdId, "钱多多", badCheck, "12812345678", "HEAD"));
		assertThat(response.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(response.errorFields()).containsExactlyInAnyOrder("idCardNumber", "phone");

		resident(token, householdId, "钱多多", good, null, "HEAD");
		Response twice = api.post("/api/v1/residents", token,
				PeopleFixture.resident(householdId, "钱多多", good, null, "SPOUSE"));
		assertThat(twice.problemCode(409)).isEqualTo("RESIDENT_EXISTS");
		Response secondHead = api.post("/api/v1/residents", token, PeopleFixture.resident(householdId, "钱少少",
				PeopleFixture.idCardNumber(), null, "HEAD"));
		assertThat(secondHead.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(secondHead.errorFields()).containsExactly("relation");
	}

	@Test
	void movingHouseKeepsTheHistoryAndEveryVersion() {
		List<Place> places = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 2);
		String token = api.tokenOf("dongcheng");
		UUID householdId = household(token, places.get(0).dwellingId());
		String residentId = resident(token, householdId, "孙丽", PeopleFixture.idCardNumber(), PeopleFixture.phone(),
				"HEAD").path("id").asString();

		Response moved = api.post("/api/v1/households/" + householdId + "/move", token,
				Map.of("toDwellingId", places.get(1).dwellingId()));
		assertThat(moved.status()).as(moved.brief()).isEqualTo(200);
		JsonNode detail = moved.json();
		assertThat(detail.path("household").path("dwellingId").asString())
			.isEqualTo(places.get(1).dwellingId().toString());
		List<String> kinds = new ArrayList<>();
		detail.path("history").forEach(e -> kinds.add(e.path("kind").asString()));
		assertThat(kinds).containsExactly("MOVED_IN", "MEMBER_ADDED", "MOVED_HOUSE");
		JsonNode move = detail.path("history").path(2);
		assertThat(move.path("fromLabel").asString()).isEqualTo(places.get(0).label());
		assertThat(move.path("toLabel").asString()).isEqualTo(places.get(1).label());

		Response versions = api.get("/api/v1/residents/" + residentId + "/versions", token);
		List<String> reasons = new ArrayList<>();
		versions.json().forEach(v -> reasons.add(v.path("reason").asString()));
		assertThat(reasons).containsExactly("CREATED", "MOVED_HOUSE");

		Response corrected = api.post("/api/v1/residents/" + residentId + "/corrections", token,
				Map.of("version", 2, "name", "孙丽华", "gender", "FEMALE", "relation", "HEAD", "tags",
						List.of("ELDER_ALONE")));
		assertThat(corrected.status()).as(corrected.brief()).isEqualTo(200);
		// a correction against a stale version is refused, not applied over the newer one
		Response stale = api.post("/api/v1/residents/" + residentId + "/corrections", token,
				Map.of("version", 2, "name", "孙立", "gender", "FEMALE", "relation", "HEAD"));
		assertThat(stale.problemCode(409)).isEqualTo("STALE");

		Response out = api.post("/api/v1/households/" + householdId + "/move-out", token, Map.of());
		assertThat(out.status()).as(out.brief()).isEqualTo(200);
		assertThat(api.get("/api/v1/residents/" + residentId + "/versions", token).json().size()).isEqualTo(4);
		assertThat(api.get("/api/v1/residents/" + residentId, token).json().path("active").asBoolean()).isFalse();
		long history = jdbc.sql("SELECT count(*) FROM people.resident_version WHERE resident_id = :id")
			.param("id", UUID.fromString(residentId))
			.query(Long.class)
			.single();
		assertThat(history).isEqualTo(4);
	}

	@Test
	void anImportWithTwoBadRowsReportsExactlyThoseRowsAndWritesNothingThenACleanOneWritesAll() {
		List<Place> places = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 3);
		String token = api.tokenOf("dongcheng");
		List<String> headers = List.of("户编号", "房屋ID", "户籍", "居住方式", "迁入日期", "姓名", "性别", "身份证号", "手机号",
				"与户主关系", "标签", "新就业类别");
		List<List<String>> rows = new ArrayList<>();
		String d0 = places.get(0).dwellingId().toString();
		String d1 = places.get(1).dwellingId().toString();
		String d2 = places.get(2).dwellingId().toString();
		rows.add(List.of("H1", d0, "是", "自有", "2020-03-01", "陈建国", "男", PeopleFixture.idCardNumber(),
				PeopleFixture.phone(), "户主", "退役军人", ""));
		rows.add(List.of("H1", d0, "是", "自有", "2020-03-01", "刘淑芬", "女", PeopleFixture.idCardNumber(), "",
				"配偶", "", ""));
		rows.add(List.of("H2", d1, "否", "租住", "2024-07-15", "黄磊", "男", PeopleFixture.idCardNumber(),
				PeopleFixture.phone(), "户主", "新就业群体、流动人口", "外卖骑手"));
		rows.add(List.of("H3", d2, "否", "租住", "2025-01-10", "吴敏", "女", PeopleFixture.idCardNumber(), "",
				"户主", "", ""));
		List<List<String>> bad = new ArrayList<>(rows);
		String good = PeopleFixture.idCardNumber();
		bad.set(1, List.of("H1", d0, "是", "自有", "2020-03-01", "刘淑芬", "女",
				good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0'), "", "配偶", "", ""));
		bad.set(3, List.of("H3", d2, "否", "租住", "2025-01-10", "吴敏", "女", PeopleFixture.idCardNumber(),
				"1234", "户主", "", ""));
		long before = queries.countsIn(scopeOf("东城社区第1网格")).residents();

		Response report = PeopleFixture.upload(port, "/api/v1/imports/residents", token,
				PeopleFixture.workbook(headers, bad));
		assertThat(report.status()).as(report.brief()).isEqualTo(200);
		JsonNode problems = report.json().path("problems");
		assertThat(problems.size()).as(report.brief()).isEqualTo(2);
		assertThat(problems.path(0).path("row").asInt()).isEqualTo(3);
		assertThat(problems.path(0).path("column").asString()).isEqualTo("身份证号");
		assertThat(problems.path(1).path("row").asInt()).isEqualTo(5);
		assertThat(problems.path(1).path("column").asString()).isEqualTo("手机号");
		assertThat(report.json().path("valid").asBoolean()).isFalse();
		assertThat(report.json().path("id").isNull()).isTrue();
		assertThat(queries.countsIn(scopeOf("东城社区第1网格")).residents()).isEqualTo(before);

		Response clean = PeopleFixture.upload(port, "/api/v1/imports/residents", token,
				PeopleFixture.workbook(headers, rows));
		assertThat(clean.json().path("valid").asBoolean()).as(clean.brief()).isTrue();
		assertThat(clean.json().path("households").asInt()).isEqualTo(3);
		// the checked rows wait in the database (any node may confirm), encrypted: they hold personal data
		byte[] waiting = jdbc.sql("SELECT payload FROM people.pending_import WHERE id = :id")
			.param("id", java.util.UUID.fromString(clean.json().path("id").asString()))
			.query(byte[].class)
			.single();
		assertThat(new String(waiting, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("陈建国");
		assertThat(queries.countsIn(scopeOf("东城社区第1网格")).residents()).isEqualTo(before);
		Response confirmed = api.post("/api/v1/imports/residents/" + clean.json().path("id").asString() + "/confirm",
				token, null);
		assertThat(confirmed.status()).as(confirmed.brief()).isEqualTo(201);
		assertThat(confirmed.json().path("residents").asInt()).isEqualTo(4);
		assertThat(queries.countsIn(scopeOf("东城社区第1网格")).residents()).isEqualTo(before + 4);
		// the import cannot be confirmed twice
		assertThat(api.post("/api/v1/imports/residents/" + clean.json().path("id").asString() + "/confirm", token,
				null).status()).isEqualTo(404);

		Response ledger = api.get("/api/v1/ledgers/new-employment?kind=RIDER", token);
		assertThat(ledger.list()).anySatisfy(e -> assertThat(e.path("name").asString()).isEqualTo("黄*"));
	}

	@Test
	void aConfirmedImportThatFailsHalfwayWritesNothing() {
		List<Place> places = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 2);
		String token = api.tokenOf("dongcheng");
		List<String> headers = List.of("户编号", "房屋ID", "户籍", "居住方式", "迁入日期", "姓名", "性别", "身份证号", "手机号",
				"与户主关系", "标签", "新就业类别");
		String late = PeopleFixture.idCardNumber();
		List<List<String>> rows = List.of(
				List.of("A", places.get(0).dwellingId().toString(), "否", "租住", "2024-01-01", "许一", "男",
						PeopleFixture.idCardNumber(), "", "户主", "", ""),
				List.of("B", places.get(1).dwellingId().toString(), "否", "租住", "2024-01-01", "许二", "女", late, "",
						"户主", "", ""));
		Response checked = PeopleFixture.upload(port, "/api/v1/imports/residents", token,
				PeopleFixture.workbook(headers, rows));
		assertThat(checked.json().path("valid").asBoolean()).as(checked.brief()).isTrue();
		// between the check and the confirmation someone registers the second row's ID number
		UUID other = household(token, places.get(1).dwellingId());
		resident(token, other, "许二", late, null, "HEAD");
		long households = jdbc.sql("SELECT count(*) FROM people.household WHERE dwelling_id IN (:a, :b)")
			.param("a", places.get(0).dwellingId())
			.param("b", places.get(1).dwellingId())
			.query(Long.class)
			.single();

		Response confirmed = api.post("/api/v1/imports/residents/" + checked.json().path("id").asString()
				+ "/confirm", token, null);
		assertThat(confirmed.problemCode(409)).isEqualTo("RESIDENT_EXISTS");
		assertThat(jdbc.sql("SELECT count(*) FROM people.household WHERE dwelling_id IN (:a, :b)")
			.param("a", places.get(0).dwellingId())
			.param("b", places.get(1).dwellingId())
			.query(Long.class)
			.single()).as("the first household of the file was rolled back with the rest").isEqualTo(households);
	}

	@Test
	void theLedgerRecordsThePartsANewEmploymentWorkerPlays() {
		Place place = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0);
		String token = api.tokenOf("dongcheng");
		UUID householdId = household(token, place.dwellingId());
		Map<String, Object> body = new java.util.LinkedHashMap<>(PeopleFixture.resident(householdId, "郑快递",
				PeopleFixture.idCardNumber(), PeopleFixture.phone(), "HEAD"));
		body.put("tags", List.of("NEW_EMPLOYMENT"));
		Response missingKind = api.post("/api/v1/residents", token, body);
		assertThat(missingKind.errorFields()).containsExactly("newEmploymentKind");
		body.put("newEmploymentKind", "COURIER");
		Response created = api.post("/api/v1/residents", token, body);
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(api.post("/api/v1/residents/" + id + "/ledger-roles", token, Map.of("role", "PIONEER_RIDER"))
			.status()).isEqualTo(201);
		Response ledger = api.get("/api/v1/ledgers/new-employment?role=PIONEER_RIDER", token);
		assertThat(ledger.list()).anySatisfy(e -> {
			assertThat(e.path("residentId").asString()).isEqualTo(id);
			assertThat(e.path("kind").asString()).isEqualTo("COURIER");
		});
	}

	@Test
	void theExportIsAMaskedSpreadsheetOfTheCallersScope() throws Exception {
		Place place = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1).get(0);
		String token = api.tokenOf("dongcheng");
		UUID householdId = household(token, place.dwellingId());
		String idCard = PeopleFixture.idCardNumber();
		String phone = PeopleFixture.phone();
		resident(token, householdId, "冯建华", idCard, phone, "HEAD");

		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/residents/export?phone=" + phone))
				.header("Authorization", "Bearer " + token)
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(response.body()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			var row = sheet.getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("冯*华");
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo(PersonalData.maskIdCard(idCard));
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo(PersonalData.maskPhone(phone));
		}
		assertThat(api.get("/api/v1/residents/export", api.tokenOf("auditor")).status()).isEqualTo(403);
	}

	private DataScope scopeOf(String name) {
		return jdbc.sql("SELECT id, path FROM territory.org_unit WHERE name = :n")
			.param("n", name)
			.query((rs, n) -> new DataScope(rs.getObject("id", UUID.class), rs.getString("path")))
			.single();
	}
}
