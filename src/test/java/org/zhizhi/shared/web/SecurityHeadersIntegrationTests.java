package org.zhizhi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Every door sends Referrer-Policy: same-origin, and a Permissions-Policy that lets only the phone pages (reporting,
 * field tasks) ask for the camera and the position.
 */
@ZhizhiIntegrationTest
class SecurityHeadersIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void onlyThePhonePagesMayAskForCameraAndPosition() {
		WebSession resident = new WebSession(port).loggedInAs("jumin01", ApiClient.DEMO_PASSWORD);

		HttpResponse<String> report = resident.get("/m/report");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.headers().firstValue("Permissions-Policy")).hasValueSatisfying(
				policy -> assertThat(policy).contains("camera=(self)", "geolocation=(self)", "microphone=()"));

		HttpResponse<String> login = new WebSession(port).get("/login");
		assertThat(login.headers().firstValue("Permissions-Policy"))
			.hasValueSatisfying(policy -> assertThat(policy).contains("camera=()", "geolocation=()"));
	}

	@Test
	void everyDoorSendsASameOriginReferrerPolicy() {
		ApiClient api = new ApiClient(port);
		assertThat(new WebSession(port).get("/login").headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(api.get("/api/v1/me", api.tokenOf("dongcheng")).headers().firstValue("Referrer-Policy"))
			.hasValue("same-origin");
		assertThat(api.get("/open311/v2/services.json", null).headers().firstValue("Referrer-Policy"))
			.hasValue("same-origin");
		var pub = api.get("/public/does-not-matter", null);
		assertThat(pub.headers().firstValue("Referrer-Policy")).as("status %d", pub.status()).hasValue("same-origin");
	}
}
