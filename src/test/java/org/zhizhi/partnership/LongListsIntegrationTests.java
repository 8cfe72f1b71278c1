package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * A community whose needs outgrow a page: the public page still shows its projects (each list is read on its own)
 * and says how many needs there are beyond the ones it lists,
 * the desk counts every open need and says the list is cut, and the Excel export holds the whole list.
 */
@ZhizhiIntegrationTest
class LongListsIntegrationTests {

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	@Autowired
	PartnershipImports imports;

	@Autowired
	OrgUnitQueries orgUnits;

	@Test
	void manyResourcesOfOtherKindsNeverHideTheOneThatFitsANeed() {
		ApiClient api = new ApiClient(port);
		OrgUnit community = orgUnits.bindingOf(api.orgUnitId("龙锦社区")).orElseThrow();
		LocalDate today = clock.today();
		PartnerUnit clinic = imports.partner(community, new PartnershipCommands.NewPartner(community.id(),
				"龙锦社区卫生服务站 " + java.util.UUID.randomUUID().toString().substring(0, 6), PartnerType.HOSPITAL, null,
				null, null, null, null, null), java.util.List.of());
		Instant now = clock.instant();
		// the fitting resource is the oldest of more than a page of open resources
		java.util.UUID fitting = imports.item(community, ItemKind.RESOURCE, clinic.id(), "上门体检", ItemCategory.HEALTH, "",
				new BigDecimal("50"), Measure.HOURS, today, today.plusMonths(2), now.minusSeconds(86_400));
		for (int i = 0; i < PartnershipQueries.LIST_LIMIT + 5; i++) {
			imports.item(community, ItemKind.RESOURCE, clinic.id(), "其他资源 " + i, ItemCategory.OTHER, "",
					BigDecimal.ONE, Measure.HOURS, today, today.plusMonths(2), now.minusSeconds(i));
		}
		java.util.UUID need = imports.item(community, ItemKind.NEED, null, "老人体检", ItemCategory.HEALTH, "",
				new BigDecimal("20"), Measure.HOURS, today, today.plusMonths(1), now);
		var matches = api.get("/api/v1/partnership/items/" + need + "/matches", api.tokenOf("banan")).json();
		assertThat(matches.path("resources").valueStream().map(r -> r.path("itemId").asString()))
			.contains(fitting.toString());
	}

	@Test
	void moreNeedsThanAPageNeverHideTheProjectsAndTheExportHoldsThemAll() throws Exception {
		ApiClient api = new ApiClient(port);
		OrgUnit community = orgUnits.bindingOf(api.orgUnitId("走马梁社区")).orElseThrow();
		LocalDate today = clock.today();
		int needs = PartnershipQueries.LIST_LIMIT + 20;
		// other tests may have left open needs here: counted before
		int openBefore = api.get("/api/v1/partnership/items?kind=NEED&status=OPEN&communityId=" + community.id(),
				api.tokenOf("banan")).list().size();
		Instant now = clock.instant();
		for (int i = 0; i < needs; i++) {
			imports.item(community, ItemKind.NEED, null, "长清单需求 " + i, ItemCategory.OTHER, "", BigDecimal.ONE,
					Measure.PEOPLE, today, today.plusMonths(1), now.minusSeconds(i));
		}
		imports.item(community, ItemKind.PROJECT, null, "长清单里的项目", ItemCategory.CULTURE, "", BigDecimal.ONE,
				Measure.PEOPLE, today, today.plusMonths(1), now.minusSeconds(3600L * 24 * 30));

		HttpResponse<String> publicPage = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/communities/" + community.code()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(publicPage.statusCode()).isEqualTo(200);
		assertThat(publicPage.body()).contains("长清单里的项目", "长清单需求 0", "这里列出待认领的和最近的 100 项。");
		String needsTable = publicPage.body().substring(publicPage.body().indexOf("id=\"public-need\""));
		needsTable = needsTable.substring(0, needsTable.indexOf("</table>"));
		// a header row and the page's share of the needs
		assertThat(needsTable.split("<tr", -1)).hasSize(1 + 1 + PartnershipQueries.PUBLIC_LIMIT);

		WebSession banan = new WebSession(port).loggedInAs("banan", ApiClient.DEMO_PASSWORD);
		String desk = banan.get("/partnership/lists?communityId=" + community.id()).body();
		assertThat(desk).contains("需求清单 " + (openBefore + needs), "id=\"truncated\"");
		String itemsTable = desk.substring(desk.indexOf("id=\"items\""));
		itemsTable = itemsTable.substring(0, itemsTable.indexOf("</table>"));
		// a header row and the page's share of the list
		assertThat(itemsTable.split("<tr", -1)).hasSize(1 + 1 + PartnershipQueries.LIST_LIMIT);

		HttpResponse<byte[]> sheet = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/v1/partnership/lists.xlsx?communityId="
						+ community.id()))
				.header("Authorization", "Bearer " + api.tokenOf("banan"))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(sheet.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet.body()))) {
			// a header row and every need
			assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(openBefore + needs);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
