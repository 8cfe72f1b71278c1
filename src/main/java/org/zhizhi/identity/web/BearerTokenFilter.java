package org.zhizhi.identity.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhizhi.identity.ApiTokens;
import org.zhizhi.identity.AuditWriteFilter;
import org.zhizhi.shared.ProblemResponses;

/**
 * Signs API calls in from {@code Authorization: Bearer <token>}. A request without the header goes on anonymous (and
 * meets the 401 entry point where it needs a user); a header with a dead or unknown token is refused at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final String ACTOR_ATTRIBUTE = AuditWriteFilter.ACTOR_ATTRIBUTE;

	private final ApiTokens tokens;

	private final ProblemResponses problems;

	BearerTokenFilter(ApiTokens tokens, ProblemResponses problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		var actor = tokens.authenticate(header.substring(7).strip());
		if (actor.isEmpty()) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "problem.invalidToken");
			return;
		}
		// kept on the request too, for the audit filter that runs outside this one
		request.setAttribute(ACTOR_ATTRIBUTE, actor.get());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(ActorAuthenticationProvider.authenticated(actor.get()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
