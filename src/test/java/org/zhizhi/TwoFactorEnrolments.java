package org.zhizhi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zhizhi.identity.Base32;
import org.zhizhi.identity.TotpCodes;

/**
 * The authenticator app of the tests' staff accounts (issue 11): enrols an account through the real enrolment page,
 * keeps its secret and recovery codes by server and username, and makes codes from the platform's {@link TestClock}
 * — never the machine's time — with the same RFC 6238 generator the platform checks against.
 */
public final class TwoFactorEnrolments {

	/** What an enrolment left with the test: the secret typed by hand, and the recovery codes shown once. */
	public record Enrolment(String secret, Deque<String> recoveryCodes) {

		/** The code the app shows now. */
		public String codeNow() {
			return codeAt(Instant.now(TestClock.current()));
		}

		public String codeAt(Instant instant) {
			return new TotpCodes().codeAt(Base32.decode(secret), instant);
		}

		/** A recovery code not used yet, taken: good for exactly one more sign-in at any moment. */
		public String takeRecoveryCode() {
			String code = recoveryCodes.pollFirst();
			assertThat(code).as("an unused recovery code left").isNotNull();
			return code;
		}
	}

	private static final Pattern SECRET = Pattern.compile("<code id=\"secret\"[^>]*>([A-Z2-7]+)</code>");

	private static final Pattern RECOVERY = Pattern.compile("<code class=\"recovery-code\">([A-Z0-9-]+)</code>");

	private static final Map<String, Enrolment> ENROLMENTS = new ConcurrentHashMap<>();

	private TwoFactorEnrolments() {
	}

	public static Enrolment of(String base, String username) {
		return ENROLMENTS.get(base + " " + username);
	}

	/**
	 * In a session whose password step has just sent it to the enrolment page: reads the key, confirms it with the
	 * code of now and answers the recovery page.
	 */
	static HttpResponse<String> enrol(WebSession session, String base, String username) {
		HttpResponse<String> page = session.get("/login/two-factor/enrol");
		assertThat(page.statusCode()).as("the enrolment page of %s", username).isEqualTo(200);
		Matcher secret = SECRET.matcher(page.body());
		assertThat(secret.find()).as("the key in text on the enrolment page").isTrue();
		Enrolment enrolment = new Enrolment(secret.group(1), new ArrayDeque<>());
		HttpResponse<String> recovery = session.postForm("/login/two-factor/enrol",
				Map.of("code", enrolment.codeNow(), "_csrf", WebSession.csrfToken(page.body())));
		assertThat(recovery.statusCode()).as("the recovery codes after enrolling %s", username).isEqualTo(200);
		Matcher codes = RECOVERY.matcher(recovery.body());
		while (codes.find()) {
			enrolment.recoveryCodes().add(codes.group(1));
		}
		assertThat(enrolment.recoveryCodes()).hasSize(10);
		ENROLMENTS.put(base + " " + username, enrolment);
		return recovery;
	}
}
