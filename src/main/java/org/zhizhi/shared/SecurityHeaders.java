package org.zhizhi.shared;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

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
 * <p>The Content-Security-Policy lets scripts come only from the platform itself or carry the request's nonce (the
 * few inline scripts that hand server data to a page's script); no inline event handler, no {@code eval}, no plugin,
 * no framing, forms posting only back to the platform. Inline {@code style} attributes stay allowed: they cannot run
 * code. Images may come from {@code https:} too — the map's tile server is configurable ({@code zhizhi.map.tile-url}).
 */
public final class SecurityHeaders {

	/** The request attribute (and template variable) holding the request's nonce. */
	public static final String NONCE_ATTRIBUTE = "cspNonce";

	static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

	private static final SecureRandom RANDOM = new SecureRandom();

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

	/** The request's nonce: 128 random bits, made once per request, the same for the page and its header. */
	public static String nonceOf(HttpServletRequest request) {
		Object nonce = request.getAttribute(NONCE_ATTRIBUTE);
		if (nonce instanceof String value) {
			return value;
		}
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String value = Base64.getEncoder().encodeToString(bytes);
		request.setAttribute(NONCE_ATTRIBUTE, value);
		return value;
	}

	static String contentSecurityPolicy(String nonce) {
		return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self' 'unsafe-inline'; "
				+ "img-src 'self' data: blob: https:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
				+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	}

	public static Customizer<HeadersConfigurer<HttpSecurity>> platform() {
		RequestMatcher field = PathPatternRequestMatcher.withDefaults().matcher(FIELD_PAGES);
		return headers -> headers
			.addHeaderWriter((request, response) -> response.setHeader(CONTENT_SECURITY_POLICY,
					contentSecurityPolicy(nonceOf(request))))
			// links to other sites (a map tile server, a partner's page) do not learn which incident was open
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(field,
					new StaticHeadersWriter(PERMISSIONS_POLICY, FIELD_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(field),
					new StaticHeadersWriter(PERMISSIONS_POLICY, DEFAULT_POLICY)));
	}
}
