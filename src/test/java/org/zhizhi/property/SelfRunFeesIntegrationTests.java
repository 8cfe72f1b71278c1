package org.zhizhi.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
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
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 14, a self-run estate's money over HTTP (新河街, seed 001: 380 households, ¥10 a month, 2 cleaners): the demo's
 * months billed to every household, this month's income equal to the bills paid and the cleaners' wages spent; the
 * guardian collects a bill of his building (a receipt written, the public income up by ¥10) and nothing more; the desk
 * exempts and writes spending with its voucher; bills issued twice are issued once; a short building flagged; the
 * public accounts show no household; the book is never changed.
 */
@ZhizhiIntegrationTest
class SelfRunFeesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theGuardianCollectsAndThePublicAccountsAddUp() throws Exception {
		String desk = api.tokenOf("banan");
		String guardian = api.tokenOf("shouhu01");
		String estate = api.estateId(desk, "新河街").toString();
		String base = "/api/v1/estates/" + estate + "/fees";
		YearMonth month = YearMonth.from(clock.instant().atZone(TestClock.CHINA));

		// this month: every household billed once; the income is exactly the bills paid; the wages are spent
		List<JsonNode> bills = api.get(base + "/bills?month=" + month, desk).list();
		assertThat(bills).hasSize(380);
		long paid = bills.stream().filter(b -> b.path("state").asString().equals("PAID")).count();
		assertThat(paid).as("the guardians are still collecting").isLessThan(380).isGreaterThan(300);
		JsonNode thisMonth = thisMonth(api.get(base, guardian).json(), month);
		assertThat(thisMonth.path("incomeCents").asLong()).isEqualTo(paid * 10_00);
		assertThat(api.get(base, guardian).json().path("spending").findParents("description")
			.stream()
			.filter(s -> s.path("month").asString().startsWith(month.toString()))
			.filter(s -> s.path("description").asString().contains("保洁员工资"))
			.mapToLong(s -> s.path("amountCents").asLong())
			.sum()).as("the two cleaners' wages").isEqualTo(2 * 1_700_00);
		assertThat(api.post(base + "/bills?month=" + month, desk, Map.of()).json().path("issued").asInt())
			.as("issued twice is issued once").isZero();

		// the guardian collects an open bill of his own building: a receipt, the month's income up by ¥10
		List<JsonNode> his = api.get(base + "/bills?month=" + month, guardian).list();
		assertThat(his).isNotEmpty().hasSizeLessThan(bills.size());
		JsonNode open = his.stream().filter(b -> b.path("state").asString().equals("OPEN")).findFirst().orElseThrow();
		assertThat(open.path("allowedActions").toString()).contains("PAY").doesNotContain("EXEMPT");
		String payment = base + "/bills/" + open.path("id").asString() + "/payment";
		assertThat(api.post(payment, guardian, Map.of("method", "TRANSFER")).errorFields()).containsExactly("method");
		Response collected = api.post(payment, guardian, Map.of("method", "CASH"));
		assertThat(collected.status()).as(collected.brief()).isEqualTo(200);
		assertThat(collected.json().path("state").asString()).isEqualTo("PAID");
		assertThat(collected.json().path("receiptNo").asString()).matches("SG\\d{4}-\\d{6}");
		assertThat(api.post(payment, guardian, Map.of("method", "CASH")).problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(thisMonth(api.get(base, guardian).json(), month).path("incomeCents").asLong())
			.isEqualTo(paid * 10_00 + 10_00);

		// a bill of another building is not his; an exemption is the desk's
		JsonNode other = bills.stream()
			.filter(b -> b.path("state").asString().equals("OPEN"))
			.filter(b -> his.stream().noneMatch(h -> h.path("id").asString().equals(b.path("id").asString())))
			.findFirst()
			.orElseThrow();
		assertThat(api.post(base + "/bills/" + other.path("id").asString() + "/payment", guardian,
				Map.of("method", "CASH")).status()).isEqualTo(404);
		JsonNode anotherOpen = his.stream()
			.filter(b -> b.path("state").asString().equals("OPEN") && !b.path("id").equals(open.path("id")))
			.findFirst()
			.orElseThrow();
		String exemption = base + "/bills/" + anotherOpen.path("id").asString() + "/exemption";
		assertThat(api.post(exemption, guardian, Map.of("reason", "家里困难")).status()).isEqualTo(403);
		assertThat(api.post(exemption, desk, Map.of("reason", "")).errorFields()).containsExactly("reason");
		assertThat(api.post(exemption, desk, Map.of("reason", "低保户，小组议定免缴")).json().path("state").asString())
			.isEqualTo("EXEMPT");
		// the month's exemptions listed on the desk's page, for the desk only
		String deskPage = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD)
			.get("/m/fees/" + estate + "?month=" + month).body();
		String listed = deskPage.substring(deskPage.indexOf("id=\"exemptions\""));
		assertThat(listed).contains(anotherOpen.path("dwellingLabel").asString(), "低保户，小组议定免缴", "记录人");
		assertThat(new WebSession(port).loggedInAs("shouhu01", ApiClient.DEMO_PASSWORD)
			.get("/m/fees/" + estate + "?month=" + month).body()).doesNotContain("id=\"exemptions\"");

		// the desk writes spending with its voucher; nobody else does
		Map<String, Object> spending = Map.of("month", month.toString(), "amountCents", 85_50, "description",
				"更换 3 栋楼道灯泡", "voucher", "XH-TEST-" + System.nanoTime() % 100000);
		assertThat(api.post(base + "/spending", guardian, spending).status()).isEqualTo(403);
		assertThat(api.post(base + "/spending", desk, Map.of("month", month.toString(), "amountCents", 0,
				"description", "x", "voucher", "")).errorFields()).contains("amountCents", "voucher");
		long before = thisMonth(api.get(base, desk).json(), month).path("spendingCents").asLong();
		assertThat(api.post(base + "/spending", desk, spending).status()).isEqualTo(201);
		assertThat(thisMonth(api.get(base, desk).json(), month).path("spendingCents").asLong()).isEqualTo(before + 85_50);

		// the public accounts: months and spending, no household
		String page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/self-run/" + estate)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(page).contains("公开账目", "新河街居民自管小组", "保洁员工资").doesNotContain(open.path("dwellingLabel").asString());

		// the book as Excel for those who keep or collect it
		HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + "/book.xlsx"))
				.header("Authorization", "Bearer " + guardian)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(new String(xlsx.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
		assertThat(api.get(base + "/book.xlsx", api.tokenOf("jumin01")).status()).isEqualTo(404);

		// the book is never changed
		assertThatThrownBy(() -> jdbc.sql("UPDATE property.fee_entry SET amount_cents = 1 WHERE receipt_no = :r")
			.param("r", collected.json().path("receiptNo").asString())
			.update()).hasMessageContaining("insert-only");
	}

	@Test
	void aFinishedMonthBelowTheLineIsFlaggedByBuilding() {
		String desk = api.tokenOf("banan");
		String estate = api.estateId(desk, "新河街").toString();
		YearMonth last = YearMonth.from(clock.instant().atZone(TestClock.CHINA)).minusMonths(1);
		List<JsonNode> collection = api.get("/api/v1/estates/" + estate + "/fees/collection?month=" + last, desk).list();
		assertThat(collection).hasSize(12);
		assertThat(collection.stream().filter(c -> c.path("flagged").asBoolean()).toList())
			.as("the demo's short building").hasSize(1)
			.allSatisfy(c -> assertThat(c.path("ratePercent").asInt()).isLessThan(80));
		assertThat(api.get("/api/v1/estates/" + estate + "/fees/collection?month=" + last, api.tokenOf("jumin01"))
			.status()).as("a resident of elsewhere sees no building's collection").isEqualTo(404);
	}

	/** A community's desk makes an estate self-run, records the fee, bills it, names a guardian, reminds who owes. */
	@Test
	void theDeskSetsUpAnEstateBillsItAndRemindsThoseWhoOwe() {
		String desk = api.tokenOf("dongcheng");
		String estate = api.estateId(desk, "东城公租房").toString();
		String base = "/api/v1/estates/" + estate + "/fees";
		YearMonth month = YearMonth.from(clock.instant().atZone(TestClock.CHINA));
		assertThat(api.post(base, api.tokenOf("jumin01"), Map.of("name", "x", "kind", "GROUP")).status())
			.isEqualTo(403);
		assertThat(api.post(base, desk, Map.of("name", "东城公租房社区自管中心", "kind", "CENTRE", "thresholdPercent", 0))
			.errorFields()).containsExactly("thresholdPercent");
		Response created = api.post(base, desk, Map.of("name", "东城公租房社区自管中心", "kind", "CENTRE",
				"thresholdPercent", 90));
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		assertThat(api.post(base, desk, Map.of("name", "又一个", "kind", "GROUP")).problemCode(409))
			.isEqualTo("SELF_RUN_EXISTS");

		assertThat(api.post(base + "/bills?month=" + month, desk, Map.of()).problemCode(409))
			.as("no fee decided yet").isEqualTo("NO_SCHEDULE");
		Map<String, Object> fee = Map.of("monthlyCents", 5_00, "fromMonth", month.toString(), "note", "居民代表会议议定");
		assertThat(api.post(base + "/schedules", desk, fee).status()).isEqualTo(201);
		assertThat(api.post(base + "/schedules", desk, fee).problemCode(409)).isEqualTo("SCHEDULE_EXISTS");
		assertThat(api.post(base + "/bills?month=" + month.plusMonths(1), desk, Map.of()).errorFields())
			.containsExactly("month");
		int issued = api.post(base + "/bills?month=" + month, desk, Map.of()).json().path("issued").asInt();
		assertThat(issued).as("every household living there").isGreaterThan(4_000);

		// a guardian named for 张居民's building sees its bills
		String li = api.tokenOf("jumin02");
		String liId = api.get("/api/v1/me", li).json().path("id").asString();
		JsonNode zhangsBill = api.get(base + "/bills?month=" + month, desk).list()
			.stream()
			.filter(b -> b.path("dwellingLabel").asString().contains("1栋"))
			.findFirst()
			.orElseThrow();
		String building = zhangsBill.path("buildingId").asString();
		assertThat(api.put(base + "/buildings/" + building + "/guardian", desk, Map.of("guardianId", liId)).status())
			.isEqualTo(204);
		assertThat(api.get(base + "/bills?month=" + month, li).list())
			.isNotEmpty()
			.allSatisfy(b -> assertThat(b.path("buildingId").asString()).isEqualTo(building));

		// the reminder reaches the accounts of those who owe, once a day
		JsonNode reminded = api.post(base + "/reminders?month=" + month, desk, Map.of()).json();
		assertThat(reminded.path("owing").asInt()).isEqualTo(issued);
		assertThat(reminded.path("remindedNow").asInt()).isEqualTo(issued);
		assertThat(reminded.path("accountsTold").asInt()).as("张居民 and his neighbours have accounts").isPositive();
		assertThat(api.get("/api/v1/inbox", api.tokenOf("jumin01")).json().findValuesAsString("title"))
			.contains("东城公租房自管费缴费提醒");
		assertThat(api.post(base + "/reminders?month=" + month, desk, Map.of()).json().path("remindedNow").asInt())
			.as("once a day").isZero();

		// the household pays: its reminder is done in its inbox, the neighbours' stay open (issue 15, item 10)
		String zhang = api.tokenOf("jumin01");
		String zhangId = api.get("/api/v1/me", zhang).json().path("id").asString();
		assertThat(feeReminder(zhang).path("doneAt").isNull()).isTrue();
		UUID hisBill = jdbc.sql("""
				SELECT subject_id FROM notification.inbox_message
				 WHERE recipient_id = :me AND kind = 'FEE_REMINDER' AND subject_type = 'FEE_BILL'""")
			.param("me", UUID.fromString(zhangId))
			.query(UUID.class)
			.single();
		assertThat(api.post(base + "/bills/" + hisBill + "/payment", desk, Map.of("method", "CASH")).status())
			.isEqualTo(200);
		assertThat(feeReminder(zhang).path("doneAt").isNull()).as("paid: done").isFalse();
		assertThat(feeReminder(api.tokenOf("jumin02")).path("doneAt").isNull()).as("the neighbour still owes").isTrue();
	}

	private JsonNode feeReminder(String token) {
		return api.get("/api/v1/inbox", token).json().findParents("kind")
			.stream()
			.filter(m -> m.path("kind").asString().equals("FEE_REMINDER"))
			.filter(m -> m.path("title").asString().contains("东城公租房"))
			.findFirst()
			.orElseThrow();
	}

	private static JsonNode thisMonth(JsonNode book, YearMonth month) {
		return book.path("months")
			.findParents("incomeCents")
			.stream()
			.filter(m -> m.path("month").asString().startsWith(month.toString()))
			.findFirst()
			.orElseThrow();
	}
}
