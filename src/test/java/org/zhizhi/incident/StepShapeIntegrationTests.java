package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.incident.IncidentFixture.body;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * A step's command record refused for its shape over real HTTP: the API's problem names the fields in Chinese, the
 * desk's form shows the same message beside its field, and a malformed request is refused as such whatever the
 * incident's state — without a trace on the incident.
 */
@ZhizhiIntegrationTest
class StepShapeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	private IncidentFixture fx;

	@BeforeEach
	void fixture() {
		fx = new IncidentFixture(port, dataSource);
	}

	@Test
	void aNoteTooLongIsRefusedBesideItsFieldInChinese() {
		String id = fx.report("dongcheng-g01", IncidentFixture.GRID_1, Map.of()).path("incident").path("id").asString();
		Response tooLong = fx.post(id, "accept", fx.token("dongcheng-g01"), body("note", "字".repeat(1001)));

		assertThat(tooLong.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(tooLong.errorFields()).containsExactly("note");
		assertThat(tooLong.json().path("errors").get(0).path("message").asString()).matches("说明最多 1,?000 个字。");
		assertThat(fx.detail(id, fx.token("dongcheng-g01")).path("incident").path("state").asString())
			.isEqualTo("REPORTED");
	}

	@Test
	void aMalformedStepIsRefusedAsSuchWhateverTheIncidentsState() {
		String id = fx.claimed();
		String leader = fx.token("dongcheng-g01");

		// rejecting a claimed incident is the wrong step too, but the request without its reason is told first
		Response noReason = fx.post(id, "reject", leader, Map.of());
		assertThat(noReason.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(noReason.errorFields()).containsExactly("reason");
		assertThat(fx.post(id, "reject", leader, body("reason", "DUPLICATE")).problemCode(409))
			.isEqualTo("ILLEGAL_TRANSITION");
	}

	@Test
	void aStepThatSaysWhereItWasTakenMustNameAPlaceOnEarth() {
		String id = fx.whistled();
		Response offEarth = fx.post(id, "claim", fx.token("dangyuan01"), body("lat", 100.0, "lng", 106.5));

		assertThat(offEarth.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(offEarth.errorFields()).containsExactly("lat");
		assertThat(fx.detail(id, fx.token("dongcheng-g01")).path("incident").path("state").asString())
			.isEqualTo("WHISTLED");
	}

	@Test
	void anExtensionRequestWithoutHoursAndReasonNamesBoth() {
		String id = fx.claimed();
		Response empty = fx.post(id, "extension-requests", fx.token("dangyuan01"), Map.of());

		assertThat(empty.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(empty.errorFields()).containsExactly("hours", "note");
	}

	@Test
	void aReportsShapeAndItsUnknownCategoryAreToldTogetherInTheFormsOrder() {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
			.header("Authorization", "Bearer " + fx.token("dongcheng"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(BodyPublishers.ofString("{\"categoryCode\":\"NO_SUCH\",\"lat\":100}", StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> raw = HttpClient.newHttpClient()
			.sendAsync(request, BodyHandlers.ofString(StandardCharsets.UTF_8))
			.join();
		Response refused = new Response(raw.statusCode(), raw.headers(), raw.body());

		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).containsExactly("channel", "categoryCode", "description", "lat", "lng");
		assertThat(refused.json().path("errors").get(1).path("message").asString()).isEqualTo("没有这个事件类别。");
	}

	@Test
	void theDesksFormShowsTheRefusalBesideItsField() {
		String id = fx.report("dongcheng-g01", IncidentFixture.GRID_1, Map.of()).path("incident").path("id").asString();
		WebSession desk = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		String path = "/incidents/" + id;
		desk.get(path);

		HttpResponse<String> refused = desk.submit(path, path + "/reject", Map.of("note", "重复"));
		assertThat(refused.statusCode()).isEqualTo(200);
		String form = refused.body().substring(refused.body().indexOf("id=\"action-reject\""));
		form = form.substring(0, form.indexOf("</form>"));
		assertThat(form).contains("<p class=\"field-error\">必填。</p>", "重复");
	}
}
