package org.zhizhi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	@Test
	void everyAnswerNamesItsRequestIdForTheLogs() {
		ApiClient api = new ApiClient(port);
		assertThat(new WebSession(port).get("/login").headers().firstValue("X-Request-Id"))
			.hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{24}"));
		var refused = api.get("/api/v1/me", null);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.headers().firstValue("X-Request-Id")).as("a refusal too").isPresent();
		assertThat(api.get("/open311/v2/services.json", null).headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	void aPageRunsOnlyItsOwnScriptsThoseWithTheRequestsNonce() {
		WebSession staff = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> queue = staff.get("/incidents");
		assertThat(queue.statusCode()).isEqualTo(200);
		String policy = queue.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-eval");
		Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'").matcher(policy);
		assertThat(nonce.find()).as(policy).isTrue();
		assertThat(queue.body()).contains("<script nonce=\"" + nonce.group(1) + "\">");

		// a new nonce for every request: one seen in a page is no key to the next
		String next = staff.get("/incidents").headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(next).doesNotContain(nonce.group(1));

		ApiClient api = new ApiClient(port);
		assertThat(new WebSession(port).get("/login").headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(api.get("/api/v1/me", api.tokenOf("dongcheng")).headers().firstValue("Content-Security-Policy"))
			.isPresent();
	}
}
