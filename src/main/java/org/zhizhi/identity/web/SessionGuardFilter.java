package org.zhizhi.identity.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.shared.Actor;

/**
 * Guards signed-in page sessions: ends a session older than its absolute lifetime (counted from the sign-in, not
 * renewed by use or by a password change), ends a session whose account was disabled or whose roles changed since
 * sign-in, and
 * keeps a user who still holds an initial password on the password page until he has changed it (the flag is put in
 * the session at sign-in and taken out when the password is changed).
 */
class SessionGuardFilter extends OncePerRequestFilter {

	private final AccountQueries accounts;

	private final Duration maxLifetime;

	private final Clock clock;

	SessionGuardFilter(AccountQueries accounts, Duration maxLifetime, Clock clock) {
		this.accounts = accounts;
		this.maxLifetime = maxLifetime;
		this.clock = clock;
	}

	static final String SESSION_FLAG = "zhizhi.passwordChangeRequired";

	/** When the session signed in (or last changed its own password); a newer password ends the session. */
	static final String SIGNED_IN_AT = "zhizhi.signedInAt";

	/** When the session signed in with its password (and second factor): the absolute lifetime counts from here. */
	static final String STARTED_AT = "zhizhi.sessionStartedAt";

	static final String PASSWORD_PAGE = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.getPrincipal() instanceof Actor
				&& !isStatic(path) && expired(session)) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/login?error=expired");
			return;
		}
		if (session != null && authentication != null && authentication.getPrincipal() instanceof Actor actor
				&& !isStatic(path) && !accounts.sessionStillValid(actor.userId(), actor.roles(), signedInAt(session))) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/login?error=disabled");
			return;
		}
		if (session != null && Boolean.TRUE.equals(session.getAttribute(SESSION_FLAG)) && !allowed(path)) {
			response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	/** A session without its start (signed in before this rule existed) counts from the epoch: it signs in again. */
	private boolean expired(HttpSession session) {
		Instant started = session.getAttribute(STARTED_AT) instanceof Instant instant ? instant : Instant.EPOCH;
		return !clock.instant().isBefore(started.plus(maxLifetime));
	}

	private static Instant signedInAt(HttpSession session) {
		return session.getAttribute(SIGNED_IN_AT) instanceof Instant instant ? instant : Instant.EPOCH;
	}

	private static boolean allowed(String path) {
		return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.equals("/login") || isStatic(path);
	}

	private static boolean isStatic(String path) {
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.startsWith("/img/") || path.startsWith("/error") || path.equals("/favicon.ico");
	}
}
