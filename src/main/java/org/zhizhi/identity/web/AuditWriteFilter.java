package org.zhizhi.identity.web;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.AuditTrail;
import org.zhizhi.shared.Actor;

/**
 * Writes every write request (POST, PUT, PATCH, DELETE) to the audit trail with its result, whichever module handles
 * it, so that no new page or endpoint can forget to. Sign-in and sign-out write richer entries of their own.
 */
class AuditWriteFilter extends OncePerRequestFilter {

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> OWN_ENTRIES = Set.of("/login", "/logout", "/api/v1/auth/token");

	private static final Pattern UUID_SEGMENT = Pattern
		.compile("/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=/|$)");

	private final AuditTrail audit;

	AuditWriteFilter(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return READS.contains(request.getMethod()) || OWN_ENTRIES.contains(path(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Actor actor = currentActor();
		int status = 500;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			if (actor == null) {
				actor = currentActor();
			}
			String path = path(request);
			Matcher ids = UUID_SEGMENT.matcher(path);
			String objectId = null;
			while (ids.find()) {
				objectId = ids.group(1);
			}
			audit.record(actor, request.getRemoteAddr(), request.getMethod() + " " + ids.replaceAll("/{id}"),
					objectType(path), objectId, outcome(status), "HTTP " + status);
		}
	}

	private static Outcome outcome(int status) {
		if (status < 400) {
			return Outcome.SUCCESS;
		}
		if (status == 401 || status == 403) {
			return Outcome.DENIED;
		}
		return status >= 500 ? Outcome.ERROR : Outcome.FAILURE;
	}

	private static String objectType(String path) {
		String[] parts = path.replaceFirst("^/api/v1", "").split("/");
		return parts.length > 1 ? parts[1] : null;
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static Actor currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Actor actor ? actor : null;
	}
}
