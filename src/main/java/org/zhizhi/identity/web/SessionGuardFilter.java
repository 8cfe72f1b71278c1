package org.zhizhi.identity.web;

import java.io.IOException;
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
 * Guards signed-in page sessions: ends a session whose account was disabled or whose roles changed since sign-in, and
 * keeps a user who still holds an initial password on the password page until he has changed it (the flag is put in
 * the session at sign-in and taken out when the password is changed).
 */
class SessionGuardFilter extends OncePerRequestFilter {

	private final AccountQueries accounts;

	SessionGuardFilter(AccountQueries accounts) {
		this.accounts = accounts;
	}

	static final String SESSION_FLAG = "zhizhi.passwordChangeRequired";

	/** When the session signed in (or last changed its own password); a newer password ends the session. */
	static final String SIGNED_IN_AT = "zhizhi.signedInAt";

	static final String PASSWORD_PAGE = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
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
