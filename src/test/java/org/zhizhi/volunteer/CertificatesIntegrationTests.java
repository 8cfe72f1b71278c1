package org.zhizhi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 13, certificates of service hours (民政部令第67号): a volunteer asks for his own, issued in the name of the team
 * that recorded the hours with the fields the rules name and exactly the approved hours he served with it; asking
 * again the same day gives the same certificate; the team's leader issues one for another volunteer and is its
 * handler; nobody else reads or issues them; the PDF says it; anyone checks the number on the public page and sees a
 * masked name; the team's list of certificates is the public notice; a certificate is never changed.
 */
@ZhizhiIntegrationTest
class CertificatesIntegrationTests {

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
	void aVolunteerGetsHisCertificateOfTheHoursHeServedWithATeam() throws Exception {
		String zhang = api.tokenOf("jumin01");
		String teamId = teamNamed(zhang, "睦邻志愿服务队");
		long served = approvedMinutes(zhang, "睦邻志愿服务队", clock.instant());
		assertThat(served).as("张居民 served with 睦邻 in the demo year").isPositive();

		Response issued = api.post("/api/v1/volunteer/teams/" + teamId + "/certificates", zhang, Map.of());
		assertThat(issued.status()).as(issued.brief()).isEqualTo(201);
		JsonNode c = issued.json();
		assertThat(c.path("minutes").asLong()).as("exactly his approved minutes with the team").isEqualTo(served);
		assertThat(c.path("number").asString()).matches("ZM\\d{4}-\\d{6}");
		assertThat(c.path("volunteerNumber").asString()).matches("ZYZ\\d{8}");
		assertThat(c.path("idType").asString()).isEqualTo("居民身份证");
		assertThat(c.path("idMasked").asString()).as("masked: never the whole number").matches("\\d{4}\\*{10}[0-9X]{4}");
		assertThat(c.path("teamName").asString()).isEqualTo("睦邻志愿服务队");
		assertThat(c.path("orgUnitName").asString()).isEqualTo("东城社区");
		assertThat(c.path("handlerName").asString()).as("the team's leader handles what it records").isEqualTo("陈党员");
		assertThat(c.path("contact").asString()).isNotBlank();
		assertThat(c.path("content").asString()).startsWith("参加睦邻志愿服务队组织的志愿服务活动");
		String id = c.path("id").asString();
		String number = c.path("number").asString();

		// the same day, nothing new served: the same certificate, not a second number
		JsonNode again = api.post("/api/v1/volunteer/teams/" + teamId + "/certificates", zhang, Map.of()).json();
		assertThat(again.path("number").asString()).isEqualTo(number);
		assertThat(api.get("/api/v1/volunteer/certificates", zhang).list())
			.extracting(x -> x.path("number").asString())
			.containsOnlyOnce(number);

		// nobody else reads it, or issues one for him
		String li = api.tokenOf("jumin02");
		assertThat(api.get("/api/v1/volunteer/certificates/" + id, li).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/volunteer/teams/" + teamId + "/certificates", li,
				Map.of("personId", c.path("personId").asString())).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/volunteer/certificates/" + id, api.tokenOf("dangyuan01")).status())
			.as("the team's leader reads what his team issued").isEqualTo(200);

		// the PDF says it
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/volunteer/certificates/" + id
					+ "/pdf")).header("Authorization", "Bearer " + zhang).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
		}
		assertThat(text).contains("志愿服务记录证明", number, c.path("personName").asString(), c.path("idMasked").asString(),
				c.path("volunteerNumber").asString(), c.path("hours").asString() + "小时", "睦邻志愿服务队", "陈党员",
				c.path("contact").asString(), "民政部令第67号");

		// anyone checks the number and sees a masked name; the team's public notice lists it
		String check = publicPage("/public/volunteer/certificates?number=" + number);
		assertThat(check).contains("certificate-valid", number, c.path("hours").asString())
			.doesNotContain(c.path("personName").asString());
		assertThat(publicPage("/public/volunteer/certificates?number=ZM1999-000001")).doesNotContain("certificate-valid");
		assertThat(publicPage("/public/volunteer/teams/" + teamId + "/certificates")).contains(number)
			.doesNotContain(c.path("personName").asString());

		// issued is issued: the row is never changed
		assertThatThrownBy(() -> jdbc.sql("UPDATE volunteer.certificate SET minutes = minutes + 60 WHERE id = :id")
			.param("id", UUID.fromString(id))
			.update()).hasMessageContaining("never changed");
	}

	@Test
	void theLeaderIssuesOneForAVolunteerOfHisTeamAndIsItsHandler() {
		String leader = api.tokenOf("dangyuan01");
		String li = api.tokenOf("jumin02");
		String teamId = teamNamed(leader, "睦邻志愿服务队");
		String liId = api.get("/api/v1/me", li).json().path("id").asString();
		JsonNode served = null;
		for (int page = 0; served == null; page++) {
			List<JsonNode> some = api.get("/api/v1/volunteer/teams/" + teamId + "/served?page=" + page, leader).list();
			assertThat(some).as("李居民 served with 睦邻 in the demo year").isNotEmpty();
			served = some.stream().filter(h -> h.path("personId").asString().equals(liId)).findFirst().orElse(null);
		}
		assertThat(api.get("/api/v1/volunteer/teams/" + teamId + "/served", li).list())
			.as("who served how long is for the organisers").isEmpty();

		Response issued = api.post("/api/v1/volunteer/teams/" + teamId + "/certificates", leader,
				Map.of("personId", liId));
		assertThat(issued.status()).as(issued.brief()).isEqualTo(201);
		assertThat(issued.json().path("minutes").asLong()).isEqualTo(served.path("minutes").asLong());
		assertThat(issued.json().path("handlerName").asString()).isEqualTo("陈党员");
		assertThat(api.get("/api/v1/volunteer/certificates", li).list())
			.anySatisfy(x -> assertThat(x.path("id").asString()).isEqualTo(issued.json().path("id").asString()));
	}

	@Test
	void noHoursNoCertificateAndNoContactNoCertificate() {
		String zhang = api.tokenOf("jumin01");
		String desk = api.tokenOf("dongcheng");
		assertThat(api.post("/api/v1/volunteer/teams/" + teamNamed(zhang, "东城为老服务队") + "/certificates", zhang,
				Map.of()).problemCode(409)).as("张居民 never served with 为老").isEqualTo("NO_HOURS");

		String teamId = teamNamed(zhang, "亲邻志愿服务队");
		JsonNode team = api.get("/api/v1/volunteer/teams/" + teamId, desk).json().path("team");
		assertThat(api.put("/api/v1/volunteer/teams/" + teamId + "/settings", desk,
				Map.of("contact", "call me", "recruiting", true)).errorFields()).containsExactly("contact");
		assertThat(api.put("/api/v1/volunteer/teams/" + teamId + "/settings", zhang,
				Map.of("contact", "023-1234567", "recruiting", true)).status()).isEqualTo(403);
		try {
			assertThat(api.put("/api/v1/volunteer/teams/" + teamId + "/settings", desk,
					Map.of("contact", "", "recruiting", true)).json().path("contact").isNull()).isTrue();
			assertThat(api.post("/api/v1/volunteer/teams/" + teamId + "/certificates", zhang, Map.of())
				.problemCode(409)).as("a certificate prints the issuer's contact").isEqualTo("NO_CONTACT");
		}
		finally {
			api.put("/api/v1/volunteer/teams/" + teamId + "/settings", desk, Map.of("contact",
					team.path("contact").asString(), "recruiting", true, "recruitment", team.path("recruitment").asString("")));
		}
	}

	private String teamNamed(String token, String name) {
		return api.get("/api/v1/volunteer/teams", token).list()
			.stream()
			.filter(t -> t.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
	}

	/** The approved minutes of the caller with a team, of activities started by a moment, read from the tables. */
	private long approvedMinutes(String token, String teamName, Instant by) {
		UUID person = UUID.fromString(api.get("/api/v1/me", token).json().path("id").asString());
		return jdbc.sql("""
				SELECT coalesce(sum(p.minutes), 0) FROM volunteer.participation p
				  JOIN volunteer.activity a ON a.id = p.activity_id JOIN volunteer.team t ON t.id = a.team_id
				 WHERE p.person_id = :p AND t.name = :team AND p.state = 'APPROVED' AND a.starts_at <= :by""")
			.param("p", person)
			.param("team", teamName)
			.param("by", java.sql.Timestamp.from(by))
			.query(Long.class)
			.single();
	}

	private String publicPage(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}
}
