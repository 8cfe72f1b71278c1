package org.zhizhi.identity.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a user who still holds an initial password on the password page until he has changed it. The flag is put in
 * the session at sign-in and taken out when the password is changed.
 */
class PasswordChangeFilter extends OncePerRequestFilter {

	static final String SESSION_FLAG = "zhizhi.passwordChangeRequired";

	static final String PASSWORD_PAGE = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (session != null && Boolean.TRUE.equals(session.getAttribute(SESSION_FLAG)) && !allowed(path)) {
			response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(String path) {
		return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.equals("/login")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.startsWith("/img/") || path.startsWith("/error") || path.equals("/favicon.ico");
	}
}
