package org.zhizhi.citylink.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhizhi.citylink.PlatformLink;
import org.zhizhi.citylink.PlatformLinks;
import org.zhizhi.identity.AuditWriteFilter;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.ProblemResponses;

/**
 * Signs a city platform in from {@code Authorization: Bearer zzcl_…}: without it, or with a key that is unknown or
 * revoked, the order is refused with 401 before anything reads it. The platform acts as its link's actor, so the
 * connection carries the link's district for row-level security and the audit trail names the link.
 */
class PlatformKeyFilter extends OncePerRequestFilter {

	static final String ORDERS = "/api/v1/citylink/orders";

	static final String LINK_ATTRIBUTE = "zhizhi.citylink.link";

	private final PlatformLinks links;

	private final ProblemResponses problems;

	PlatformKeyFilter(PlatformLinks links, ProblemResponses problems) {
		this.links = links;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "problem.unauthenticated");
			return;
		}
		var link = links.authenticate(header.substring(7).strip());
		if (link.isEmpty()) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "problem.invalidToken");
			return;
		}
		Actor actor = PlatformLinks.actorFor(link.get());
		request.setAttribute(LINK_ATTRIBUTE, link.get());
		// kept on the request too, for the audit filter that runs outside this one
		request.setAttribute(AuditWriteFilter.ACTOR_ATTRIBUTE, actor);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null,
				actor.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
