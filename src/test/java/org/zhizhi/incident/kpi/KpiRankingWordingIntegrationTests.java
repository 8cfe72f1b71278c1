package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.territory.TerritoryManagement;

/**
 * The two rankings of the KPI page agree on what they say when no grid takes part: the bottom five used to say that
 * "all ranked grids are in the top five" beside a top five that said no grid was ranked.
 */
@ZhizhiIntegrationTest
class KpiRankingWordingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TerritoryManagement territory;

	@Test
	void withNoRankedGridBothRankingsSayNoGridHadEnoughCases() {
		KpiGrid g = KpiGrid.create(port, jdbc, territory);
		g.whistled(20);

		String html = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD)
			.get("/incidents/kpi?orgUnitId=" + g.community.id())
			.body();

		String top = html.substring(html.indexOf("id=\"kpi-top\""), html.indexOf("id=\"kpi-bottom\""));
		String bottom = html.substring(html.indexOf("id=\"kpi-bottom\""));
		assertThat(top).contains("本时段没有应结案达 5 件的网格");
		assertThat(bottom.substring(0, bottom.indexOf("</div>"))).contains("本时段没有应结案达 5 件的网格")
			.doesNotContain("都已列在前五");
	}
}
