package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * 等保 session hygiene: a page session ends at its absolute lifetime from the sign-in (12 hours by default) however
 * busy it has been, and the login page says why; the idle timeout is the container's and is not this test's.
 */
@ZhizhiIntegrationTest
class SessionLifetimeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	SignInProperties signIn;

	@Test
	void aSessionInUseAllDayStillEndsAtItsAbsoluteLifetime() {
		WebSession browser = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		Duration lifetime = signIn.sessionMaxLifetime();

		// busy all day: a page every few hours, the last one a minute before the end
		clock.advance(lifetime.dividedBy(2));
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		clock.advance(lifetime.dividedBy(2).minusMinutes(1));
		assertThat(browser.get("/").statusCode()).isEqualTo(200);

		clock.advance(Duration.ofMinutes(1));
		HttpResponse<String> expired = browser.get("/");
		assertThat(expired.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(expired)).isEqualTo("/login?error=expired");
		assertThat(browser.get("/login?error=expired").body()).contains("本次登录已到最长时限，请重新登录");
		assertThat(WebSession.location(browser.get("/"))).as("the session is gone, not only refused once")
			.isEqualTo("/login");
	}

	@Test
	void aNewSignInStartsANewLifetime() {
		clock.advance(signIn.sessionMaxLifetime().multipliedBy(2));
		WebSession browser = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);

		assertThat(browser.get("/").statusCode()).isEqualTo(200);
	}
}
