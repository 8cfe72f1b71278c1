package org.zhizhi.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.people.PeopleFixture.Place;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.jobs.LongWork;

/**
 * The pages' slow work on residents as background jobs: the import's check and the list's export are started from
 * their pages, followed on {@code /jobs/{id}} as the page's own polling does, and lead to their result; a job is its
 * owner's alone.
 */
@ZhizhiIntegrationTest
class ResidentJobsIntegrationTests {

	private static final Pattern JOB = Pattern.compile("^/jobs/([0-9a-f-]{36})$");

	private static final Pattern RESULT = Pattern.compile("id=\"job-result\"[^>]*href=\"([^\"]+)\"");

	private static final List<String> HEADERS = List.of("户编号", "房屋ID", "户籍", "居住方式", "迁入日期", "姓名", "性别",
			"身份证号", "手机号", "与户主关系", "标签", "新就业类别");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LongWork longWork;

	@Autowired
	PeopleQueries queries;

	@Autowired
	Clock clock;

	@Test
	void aLargeImportIsCheckedInTheBackgroundFollowedToItsReportAndConfirmed() throws Exception {
		List<Place> places = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 100);
		List<List<String>> rows = new ArrayList<>();
		Set<String> idCards = new HashSet<>();
		List<String> relations = List.of("户主", "配偶", "子女");
		for (int h = 0; h < 100; h++) {
			for (String relation : relations) {
				String idCard;
				do {
					idCard = PeopleFixture.idCardNumber();
				}
				while (!idCards.add(idCard));
				rows.add(List.of("J" + h, places.get(h).dwellingId().toString(), "否", "租住", "2024-07-15",
						"任务" + h + relation, "女", idCard, "", relation, "", ""));
			}
		}
		WebSession desk = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		assertThat(desk.get("/residents/import").body()).as("the import page leads to the person's jobs")
			.contains("href=\"/jobs\"");

		HttpResponse<String> started = desk.upload("/residents/import", "/residents/import", "file", "r.xlsx",
				PeopleFixture.workbook(HEADERS, rows));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		Matcher job = JOB.matcher(WebSession.location(started));
		assertThat(job.matches()).as(WebSession.location(started)).isTrue();
		UUID jobId = UUID.fromString(job.group(1));
		HttpResponse<String> page = desk.get("/jobs/" + jobId);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("检查居民导入文件", "id=\"job-progress\"");

		String done = followUntilFinished(desk, jobId);
		assertThat(done).contains("data-state=\"DONE\"", "已完成", "300 / 300（100%）", "value=\"100\"")
			.as("a finished job's fragment no longer asks to be polled")
			.doesNotContain("hx-trigger");
		Matcher result = RESULT.matcher(done);
		assertThat(result.find()).as(done).isTrue();
		assertThat(result.group(1)).startsWith("/residents/import/checks/");
		assertThat(desk.get("/jobs").body()).as("我的后台任务 lists it").contains("/jobs/" + jobId, "检查居民导入文件");

		String reportPath = result.group(1);
		HttpResponse<String> report = desk.get(reportPath);
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("检查结果：共 300 行，100 户", "检查无误");
		Matcher confirm = Pattern.compile("action=\"(/residents/import/[0-9a-f-]{36}/confirm)\"").matcher(report.body());
		assertThat(confirm.find()).as(report.body()).isTrue();
		long before = queries.countsIn(scopeOfGrid(places.get(0))).residents();
		HttpResponse<String> confirmed = desk.submit(reportPath, confirm.group(1), Map.of());
		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("已导入 100 户、300 人");
		assertThat(queries.countsIn(scopeOfGrid(places.get(0))).residents()).isEqualTo(before + 300);

		// the job and its report are the owner's alone: a grid worker of the same community finds neither
		WebSession other = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		assertThat(other.get("/jobs/" + jobId).statusCode()).isEqualTo(404);
		assertThat(other.get("/jobs/" + jobId + "/progress").statusCode()).isEqualTo(404);
		assertThat(other.get("/jobs").body()).doesNotContain(jobId.toString());
		assertThat(other.get(reportPath).statusCode()).isEqualTo(404);
	}

	@Test
	void aRunningJobPollsEveryTwoSecondsAndShowsItsCount() {
		WebSession desk = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		UUID owner = jdbc.sql("SELECT id FROM identity.account WHERE username = 'dongcheng'")
			.query(UUID.class)
			.single();
		UUID id = Ids.newId();
		jdbc.sql("""
				INSERT INTO jobs.job (id, kind, owner_id, scope_path, state, total, done, back_href, started_at,
				                      updated_at, expires_at)
				VALUES (:id, 'job.kind.residentExport', :owner, '/', 'RUNNING', 300, 120, '/residents', :now, :now,
				        :expires)""")
			.param("id", id)
			.param("owner", owner)
			.param("now", Timestamp.from(clock.instant()))
			.param("expires", Timestamp.from(clock.instant().plus(Duration.ofDays(1))))
			.update();

		String fragment = desk.get("/jobs/" + id + "/progress").body();
		assertThat(fragment).contains("hx-get=\"/jobs/" + id + "/progress\"", "hx-trigger=\"every 2s\"",
				"120 / 300（40%）", "value=\"40\"", "进行中").doesNotContain("id=\"job-result\"");
		assertThat(desk.get("/jobs/" + id).body()).contains("导出居民名单", "hx-trigger=\"every 2s\"", "可以离开本页");
	}

	@Test
	void aListIsExportedInTheBackgroundAndItsFileDownloadedByItsOwnerOnly() throws Exception {
		List<Place> places = PeopleFixture.dwellings(jdbc, "东城社区第1网格", 1);
		ApiClient api = new ApiClient(port);
		String token = api.tokenOf("dongcheng");
		String householdId = api.post("/api/v1/households", token, PeopleFixture.household(places.get(0).dwellingId()))
			.json()
			.path("household")
			.path("id")
			.asString();
		api.post("/api/v1/residents", token, PeopleFixture.resident(UUID.fromString(householdId), "导出测试",
				PeopleFixture.idCardNumber(), PeopleFixture.phone(), "HEAD"));
		WebSession desk = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		String list = "/residents?buildingId=" + places.get(0).buildingId();
		assertThat(desk.get(list).body()).contains("id=\"export-job\"", "href=\"/jobs\"");

		HttpResponse<String> started = desk.submit(list, "/residents/export",
				Map.of("buildingId", places.get(0).buildingId().toString()));
		assertThat(started.statusCode()).isEqualTo(302);
		Matcher job = JOB.matcher(WebSession.location(started));
		assertThat(job.matches()).isTrue();
		UUID jobId = UUID.fromString(job.group(1));
		String done = followUntilFinished(desk, jobId);
		assertThat(done).contains("1 / 1（100%）");
		Matcher result = RESULT.matcher(done);
		assertThat(result.find()).isTrue();
		assertThat(result.group(1)).isEqualTo("/jobs/" + jobId + "/file");

		HttpResponse<byte[]> file = desk.download(result.group(1));
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("residents.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("导**试");
		}
		WebSession other = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		assertThat(other.download(result.group(1)).statusCode()).isEqualTo(404);
	}

	/**
	 * Follows the job's fragment as the page's polling does, until it is no longer running; between two looks it waits
	 * for the job to finish (at most a moment) instead of sleeping. Bounded: a job that never ends fails the test.
	 */
	private String followUntilFinished(WebSession session, UUID jobId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			HttpResponse<String> fragment = session.get("/jobs/" + jobId + "/progress");
			assertThat(fragment.statusCode()).isEqualTo(200);
			if (!fragment.body().contains("data-state=\"RUNNING\"")) {
				return fragment.body();
			}
			assertThat(System.nanoTime()).as("job %s still running after 60 s", jobId).isLessThan(deadline);
			longWork.awaitFinished(jobId, Duration.ofMillis(200));
		}
	}

	private org.zhizhi.shared.DataScope scopeOfGrid(Place place) {
		String path = jdbc.sql("SELECT path FROM territory.org_unit WHERE id = :id")
			.param("id", place.gridId())
			.query(String.class)
			.single();
		return new org.zhizhi.shared.DataScope(place.gridId(), path);
	}
}
