package org.zhizhi.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.shared.web.InputGuardFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Audits the sign-in attempts that never reach the {@link Authenticator} — refused for their input (a NUL in the
 * username, a malformed or oversized body, a wrong content type, a login form without its CSRF token) or failing on
 * the way — so that every failed sign-in
 * of every kind is in the trail; the authenticator writes the entries of the attempts it checks. Runs before the
 * input guard, which may refuse the request before any security filter sees it.
 */
@Component
@Order(InputGuardFilter.ORDER - 1)
class SignInRefusalAudit extends OncePerRequestFilter {

	private static final Set<String> SIGN_IN = Set.of("/login", "/api/v1/auth/token");

	/** Enough for any username and password the token endpoint takes; the body is kept only up to this. */
	private static final int KEPT_BODY = 4096;

	/** A plain reader, without the platform's rules: it only looks for the username in what was sent. */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditTrail audit;

	SignInRefusalAudit(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !SIGN_IN.contains(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingRequestWrapper kept = new ContentCachingRequestWrapper(request, KEPT_BODY);
		int status = 500;
		try {
			chain.doFilter(kept, response);
			status = response.getStatus();
		}
		finally {
			// the token endpoint's 401, 403 and 429 (throttled) are the authenticator's answers, with entries of their
			// own; the login form's are redirects, so any error there (a missing CSRF token: 403) was refused before it
			boolean checked = !request.getRequestURI().endsWith("/login")
					&& (status == 401 || status == 403 || status == 429);
			if (status >= 400 && !checked) {
				audit.record(null, username(kept), null, request.getRemoteAddr(), "LOGIN", "account", null,
						status >= 500 ? Outcome.ERROR : Outcome.FAILURE,
						"refused before the password was checked: HTTP " + status);
			}
		}
	}

	/** The username the attempt named, if it can be made out; the trail shows a NUL in it as ␀. */
	private static String username(ContentCachingRequestWrapper request) {
		try {
			String form = request.getParameter("username");
			if (form != null) {
				return form;
			}
			byte[] body = request.getContentAsByteArray();
			if (body.length > 0) {
				var name = JSON.readTree(body).path("username");
				return name.isString() ? name.asString() : null;
			}
		}
		catch (RuntimeException e) {
			// not JSON, not a form: the attempt is recorded without a name
		}
		return null;
	}
}
