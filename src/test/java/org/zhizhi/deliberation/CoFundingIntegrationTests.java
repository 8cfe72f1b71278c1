package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Part;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestPhotos;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 12, 共筹 as the seeds' path was paid for (004): ¥30 a household, ¥25,000 from 民泰基金, ¥18,000 from the
 * street; the ledger adds up to the yuan, every payment has its own receipt number, a spending its voucher, a
 * household pledges once, and no line can be changed afterwards.
 */
@ZhizhiIntegrationTest
class CoFundingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aPathPaidByHouseholdsAFoundationAndTheStreetAddsUp() {
		String desk = api.tokenOf("dongcheng");
		String zhang = api.tokenOf("jumin01");
		String id = api.post("/api/v1/topics", zhang, Map.of("title", "修缮楼前步道（共筹共建）", "description",
				"楼前步道坑洼，雨天积水，老人摔过两次。提议每户出 30 元，请基金会和街道支持，志愿者自己修。", "placeKind", "BUILDING"))
			.json()
			.path("id")
			.asString();
		String topic = "/api/v1/topics/" + id;
		api.post(topic + "/admission", desk, Map.of());
		assertThat(api.post(topic + "/fund", desk, Map.of("target", 49000)).problemCode(409))
			.as("only what was decided is funded").isEqualTo("ILLEGAL_TRANSITION");
		assertThat(api.post(topic + "/decision", desk,
				Map.of("rule", "REPRESENTATIVES", "passed", true, "minutes", "居民代表会议同意共筹修缮步道")).status())
			.isEqualTo(200);
		Response opened = api.post(topic + "/fund", desk, Map.of("target", 49000, "perHousehold", 30));
		assertThat(opened.status()).as(opened.brief()).isEqualTo(201);
		assertThat(api.post(topic + "/fund", desk, Map.of("target", 1)).problemCode(409)).isEqualTo("FUND_OPEN");

		// households pledge once on their phones
		assertThat(api.post(topic + "/fund/entries", zhang, Map.of("kind", "PLEDGE", "amount", 30)).status())
			.isEqualTo(201);
		assertThat(api.post(topic + "/fund/entries", zhang, Map.of("kind", "PLEDGE", "amount", 30)).problemCode(409))
			.isEqualTo("ALREADY_PLEDGED");
		assertThat(api.get(topic, zhang).json().path("allowedActions").toString()).doesNotContain("PLEDGE");
		assertThat(api.post(topic + "/fund/entries", zhang, Map.of("kind", "PAYMENT", "amount", 30)).problemCode(403))
			.isEqualTo("FORBIDDEN");

		// the desk records what came in
		assertThat(api.get(topic, desk).json().path("fund").path("target").decimalValue()).isEqualByComparingTo("49000");
		for (String source : List.of("FOUNDATION:民泰基金:25000", "STREET:鱼洞街道:18000")) {
			String[] part = source.split(":");
			Response paid = api.post(topic + "/fund/entries", desk,
					Map.of("kind", "PAYMENT", "source", part[0], "sourceName", part[1], "amount", Integer.parseInt(part[2])));
			assertThat(paid.status()).as(paid.brief()).isEqualTo(201);
		}
		Response unnamed = api.post(topic + "/fund/entries", desk, Map.of("kind", "PAYMENT", "source", "OTHER", "amount", 5));
		assertThat(unnamed.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		Response noVoucher = api.postMultipart(topic + "/fund/entries", desk,
				Map.of("entry", Part.json(Map.of("kind", "SPENDING", "sourceName", "水泥、砂石", "amount", 12000))));
		assertThat(noVoucher.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		Map<String, Part> spending = new LinkedHashMap<>();
		spending.put("entry", Part.json(Map.of("kind", "SPENDING", "sourceName", "水泥、砂石、透水砖", "amount", 40000.50,
				"note", "9 人志愿队自己设计、采购、施工、监督")));
		spending.put("voucher", Part.jpeg(TestPhotos.jpeg(Color.WHITE)));
		Response spent = api.postMultipart(topic + "/fund/entries", desk, spending);
		assertThat(spent.status()).as(spent.brief()).isEqualTo(201);

		JsonNode fund = spent.json();
		assertThat(fund.path("pledged").decimalValue()).isEqualByComparingTo("30");
		assertThat(fund.path("paid").decimalValue()).isEqualByComparingTo("43000");
		assertThat(fund.path("spent").decimalValue()).isEqualByComparingTo("40000.50");
		assertThat(fund.path("balance").decimalValue()).isEqualByComparingTo("2999.50");
		BigDecimal lines = BigDecimal.ZERO;
		Set<String> receipts = new HashSet<>();
		for (JsonNode line : fund.path("lines")) {
			if (line.path("kind").asString().equals("PAYMENT")) {
				lines = lines.add(line.path("amount").decimalValue());
				assertThat(receipts.add(line.path("receipt").asString())).as("a receipt number once").isTrue();
			}
		}
		assertThat(lines).isEqualByComparingTo(fund.path("paid").decimalValue());
		assertThat(fund.toString()).as("no person's name in the accounts").doesNotContain("张居民");

		assertThatThrownBy(() -> new JdbcTemplate(dataSource)
			.update("UPDATE deliberation.fund_entry SET amount = 1 WHERE topic_id = ?::uuid", id))
			.as("the ledger is insert-only")
			.hasMessageContaining("insert-only");
	}
}
