package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * What 东城社区's staff did today, as the auditor reads it: a sentence in Chinese with the person, what he did and the
 * object by its name (the id only under the mouse), found again by person, action, object and time, and in the
 * spreadsheet.
 */
@ZhizhiIntegrationTest
class AuditInWordsIntegrationTests {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern ROW = Pattern.compile("<tr>\\s*<td class=\"mono nowrap audit-time\">.*?</tr>",
			Pattern.DOTALL);

	private static final String DECISION = "POST /partnership/meetings/{id}/decisions";

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	@Test
	void theAuditorReadsWhatDongchengDidTodayInChineseWithNamesNotIds() throws Exception {
		// 东城社区工作站 schedules a joint meeting, holds it and records a decision, through the desk's pages
		String mark = Long.toString(System.nanoTime() % 1_000_000);
		String title = "2026年度第二季度协商议事会·" + mark;
		String decision = "东城公租房增设电动车充电桩" + mark;
		WebSession dongcheng = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		String when = clock.localNow().plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString();
		HttpResponse<String> scheduled = dongcheng.submit("/partnership/meetings", "/partnership/meetings",
				Map.of("kind", "QUARTERLY", "title", title, "scheduledAt", when, "place", "社区会议室"));
		String page = WebSession.location(scheduled);
		assertThat(page).startsWith("/partnership/meetings/");
		String meetingId = page.substring("/partnership/meetings/".length());
		assertThat(dongcheng.submit(page, page + "/hold", Map.of()).statusCode()).isEqualTo(302);
		assertThat(dongcheng.submit(page, page + "/decisions", Map.of("text", decision, "ownerKind", "UNIT",
				"ownerName", "界石镇综合行政执法大队", "dueOn", clock.today().plusDays(20).toString())).statusCode())
			.isEqualTo(302);
		assertThat(dongcheng.get(page).body()).contains(decision);

		// the auditor reads it as a sentence, the meeting by its title and its id only in the title attribute
		WebSession auditor = new WebSession(port).loggedInAs("auditor", ApiClient.DEMO_PASSWORD);
		String today = clock.today().toString();
		HttpResponse<String> trail = auditor
			.get("/audit?person=" + ApiClient.encode("东城社区工作站") + "&from=" + today + "&to=" + today);
		assertThat(trail.statusCode()).isEqualTo(200);
		String row = rowsOf(trail.body()).stream().filter(r -> r.contains(decision)).findFirst().orElseThrow();
		assertThat(visible(row)).contains("东城社区工作站 在 " + title + " 上记录了决议「" + decision + "」")
			.doesNotContainPattern(UUID_TEXT)
			.doesNotContain("POST", "/partnership", "{id}");
		assertThat(row).contains("title=\"联席会议 " + meetingId + "\"", "title=\"dongcheng\"");

		// the filters narrow it: by the object's name, by the action, by the person, by the day
		List<String> aboutTheMeeting = rowsOf(auditor.get("/audit?object=" + ApiClient.encode(title)).body());
		assertThat(aboutTheMeeting).extracting(AuditInWordsIntegrationTests::visible)
			.hasSize(3)
			.anySatisfy(r -> assertThat(r).contains("东城社区工作站 安排了联席会议「" + title + "」"))
			.anySatisfy(r -> assertThat(r).contains("东城社区工作站 召开了 " + title))
			.anySatisfy(r -> assertThat(r).contains("上记录了决议「" + decision + "」"))
			.allSatisfy(r -> assertThat(r).doesNotContainPattern(UUID_TEXT));
		String byAction = "/audit?object=" + ApiClient.encode(title) + "&action=" + ApiClient.encode(DECISION);
		assertThat(rowsOf(auditor.get(byAction).body())).singleElement()
			.satisfies(r -> assertThat(visible(r)).contains(decision));
		assertThat(rowsOf(auditor.get("/audit?object=" + ApiClient.encode(decision)).body())).hasSize(1);
		assertThat(rowsOf(auditor.get("/audit?object=" + meetingId).body())).hasSize(2);
		assertThat(rowsOf(
				auditor.get("/audit?object=" + ApiClient.encode(title) + "&person=" + ApiClient.encode("李网格长")).body()))
			.isEmpty();
		String tomorrow = clock.today().plusDays(1).toString();
		assertThat(rowsOf(auditor.get("/audit?object=" + ApiClient.encode(title) + "&from=" + tomorrow).body()))
			.isEmpty();
		assertThat(rowsOf(auditor.get("/audit?object=" + ApiClient.encode(title) + "&to=" + today).body())).hasSize(3);

		// the page offers the actions in Chinese, not as a placeholder of codes
		assertThat(trail.body()).contains("记录联席会议决议", "登录").doesNotContain("placeholder=\"LOGIN\"");

		// the spreadsheet holds the same sentence, with the meeting's id in a column of its own
		List<List<String>> sheet = spreadsheet(auditor, "/audit/export.xlsx?object=" + ApiClient.encode(title));
		assertThat(sheet.get(0)).containsSubsequence("时间", "人员", "账号", "经过", "结果", "对象编号");
		assertThat(sheet.subList(1, sheet.size())).hasSize(3)
			.anySatisfy(r -> assertThat(r).contains("东城社区工作站", "dongcheng",
					"东城社区工作站 在 " + title + " 上记录了决议「" + decision + "」", "成功", meetingId));
		assertThat(LocalDate.parse(sheet.get(1).get(0).substring(0, 10))).isEqualTo(clock.today());
	}

	@Test
	void aWriteRefusedOutsideThePersonsScopeIsToldAsRefusedAndNamedForTheAuditorWhoseScopeHoldsIt() {
		// 金银桥社区's meeting is not 东城社区's: the write is refused, and nothing of the meeting is named in his scope
		WebSession mudong = new WebSession(port).loggedInAs("mudong", ApiClient.DEMO_PASSWORD);
		String mark = Long.toString(System.nanoTime() % 1_000_000);
		String title = "金银桥社区内部会议·" + mark;
		String when = clock.localNow().plusDays(4).truncatedTo(ChronoUnit.MINUTES).toString();
		String page = WebSession.location(mudong.submit("/partnership/meetings", "/partnership/meetings",
				Map.of("kind", "QUARTERLY", "title", title, "scheduledAt", when, "place", "会议室")));
		String meetingId = page.substring("/partnership/meetings/".length());
		WebSession dongcheng = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		dongcheng.submit("/partnership/meetings", page + "/hold", Map.of());

		// the city's auditor may read the meeting's title: he learns which meeting 东城社区 reached for, and that it failed
		WebSession auditor = new WebSession(port).loggedInAs("auditor", ApiClient.DEMO_PASSWORD);
		List<String> rows = rowsOf(auditor.get("/audit?person=dongcheng&object=" + meetingId).body());
		assertThat(rows).singleElement().satisfies(r -> {
			assertThat(visible(r)).contains("东城社区工作站 召开了 " + title, "失败", "对象不存在或不在其辖区")
				.doesNotContainPattern(UUID_TEXT);
			assertThat(r).contains("title=\"联席会议 " + meetingId + "\"", "title=\"HTTP 404\"");
		});
	}

	private static List<String> rowsOf(String html) {
		List<String> rows = new ArrayList<>();
		Matcher m = ROW.matcher(html);
		while (m.find()) {
			rows.add(m.group());
		}
		return rows;
	}

	/** What the eye sees of the HTML: the text without tags and their attributes, spaces collapsed. */
	private static String visible(String html) {
		return html.replaceAll("<[^>]+>", "").replace("&quot;", "\"").replaceAll("\\s+", " ").strip();
	}

	private List<List<String>> spreadsheet(WebSession session, String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Cookie", "SESSION=" + session.sessionCookie())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml"));
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
			Sheet sheet = book.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					cells.add(row.getCell(i) == null ? "" : row.getCell(i).getStringCellValue());
				}
				rows.add(cells);
			}
		}
		return rows;
	}
}
