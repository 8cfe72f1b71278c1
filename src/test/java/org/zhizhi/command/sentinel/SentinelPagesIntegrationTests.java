package org.zhizhi.command.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * The sentinel's desk pages in Chinese: every desk reads the alerts, 监管 and 优化 and the rules; the district admin's
 * rule form refuses a threshold out of its kind's bounds beside the field, keeping what he typed, and writes nothing;
 * a resident reaches none of them.
 */
@ZhizhiIntegrationTest
class SentinelPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theDesksReadTheSentinelsPagesAndTheAdminsRuleFormSaysWhatIsWrong() {
		WebSession banan = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		assertThat(banan.get("/command/alerts").body()).contains("智能哨兵", "待签收");
		assertThat(banan.get("/command/supervision").body()).contains("超时预警", "超期事件");
		assertThat(banan.get("/command/optimisation?days=abc").body()).contains("天数须在 1 到 366 之间");
		String rules = banan.get("/command/rules").body();
		assertThat(rules).contains("物业纠纷集中", "独居老人未按期探访", "立即巡查");

		String patrol = new ApiClient(port).get("/api/v1/command/rules", new ApiClient(port).tokenOf("banan")).list()
			.stream()
			.filter(r -> r.path("kind").asString().equals("GRID_WITHOUT_PATROL"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		HttpResponse<String> refused = banan.submit("/command/rules", "/command/rules/" + patrol,
				Map.of("threshold", "999", "windowDays", "60", "ownerRole", "COMMUNITY_STAFF", "handleWithinHours",
						"48", "enabled", "true"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("这条规则的阈值须在 1 到 365 之间", "value=\"999\"");
		assertThat(new ApiClient(port).get("/api/v1/command/rules", new ApiClient(port).tokenOf("banan")).list()
			.stream()
			.filter(r -> r.path("id").asString().equals(patrol))
			.findFirst()
			.orElseThrow()
			.path("threshold")
			.asInt()).as("nothing half-written").isNotEqualTo(999);

		WebSession street = new WebSession(port).loggedInAs("jieshi", ApiClient.DEMO_PASSWORD);
		assertThat(street.get("/command/rules").body()).contains("物业纠纷集中").doesNotContain("id=\"run-now\"");
		assertThat(street.get("/command/alerts").statusCode()).isEqualTo(200);

		WebSession resident = new WebSession(port).loggedInAs("jumin01", ApiClient.DEMO_PASSWORD);
		assertThat(resident.get("/command/alerts").statusCode()).isEqualTo(403);
	}
}
