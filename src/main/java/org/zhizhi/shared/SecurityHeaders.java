package org.zhizhi.shared;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The response headers every security chain adds, besides Spring Security's defaults. Each module's chain applies
 * them with {@code http.headers(SecurityHeaders.platform())}, so no door forgets one.
 *
 * <p>Not yet here: a strict Content-Security-Policy, which needs the pages' inline scripts and styles moved out first.
 */
public final class SecurityHeaders {

	static final String PERMISSIONS_POLICY = "Permissions-Policy";

	/**
	 * The phone pages ({@code /m/**}: reporting, the field tasks with their check-in) take the position and photos;
	 * no other page needs a camera, a microphone or the position, so a script injected elsewhere cannot ask for them.
	 */
	static final String FIELD_PAGES = "/m/**";

	static final String FIELD_POLICY = "camera=(self), geolocation=(self), microphone=(), payment=(), usb=()";

	static final String DEFAULT_POLICY = "camera=(), geolocation=(), microphone=(), payment=(), usb=()";

	private SecurityHeaders() {
	}

	public static Customizer<HeadersConfigurer<HttpSecurity>> platform() {
		RequestMatcher field = PathPatternRequestMatcher.withDefaults().matcher(FIELD_PAGES);
		return headers -> headers
			// links to other sites (a map tile server, a partner's page) do not learn which incident was open
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(field,
					new StaticHeadersWriter(PERMISSIONS_POLICY, FIELD_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(field),
					new StaticHeadersWriter(PERMISSIONS_POLICY, DEFAULT_POLICY)));
	}
}
