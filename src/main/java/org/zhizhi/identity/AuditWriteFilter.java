package org.zhizhi.identity;

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
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.FormErrors;

/**
 * Writes every write request (POST, PUT, PATCH, DELETE) to the audit trail with its result, whichever module handles
 * it, so that no new page or endpoint can forget to. Sign-in and sign-out write richer entries of their own. Every
 * module's security filter chain that lets writes in adds it. The entry keeps what its object was called and the text
 * the form named where the action's phrase quotes it ({@link AuditPhrases}), so that it reads as a sentence later.
 */
public class AuditWriteFilter extends OncePerRequestFilter {

	/** Where the bearer-token filter leaves the actor of an API request, for the entry written after it. */
	public static final String ACTOR_ATTRIBUTE = "zhizhi.bearerActor";

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/** Sign-in, sign-out and token requests write richer entries of their own. */
	private static final Set<String> OWN_ENTRIES = Set.of("/login", "/logout", "/api/v1/auth/token");

	private static final Pattern UUID_SEGMENT = Pattern
		.compile("/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=/|$)");

	/**
	 * The write request this thread serves, while it is served: work that writes the request's entry in its own
	 * transaction finds it here ({@link AuditTrail#entryOfThisRequest}).
	 */
	private static final ThreadLocal<RequestWrite> CURRENT = new ThreadLocal<>();

	private final AuditTrail audit;

	public AuditWriteFilter(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return READS.contains(request.getMethod()) || OWN_ENTRIES.contains(path(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Actor actor = currentActor(request);
		RequestWrite write = new RequestWrite(request);
		int status = 500;
		CURRENT.set(write);
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			CURRENT.remove();
			if (actor == null) {
				actor = currentActor(request);
			}
			Outcome outcome = Boolean.TRUE.equals(request.getAttribute(FormErrors.REFUSED_ATTRIBUTE)) ? Outcome.FAILURE
					: isRedirectToLogin(response) ? Outcome.DENIED : outcome(status);
			// the work wrote this very entry with what it committed; any other ending is written as well
			if (!write.writtenAs(status, outcome)) {
				audit.recordWrite(actor, request.getRemoteAddr(), write.action(), write.objectType(), write.objectId(),
						outcome, "HTTP " + status, field -> formField(request, field));
			}
		}
	}

	/** The write request this thread serves, or {@code null}. */
	static RequestWrite current() {
		return CURRENT.get();
	}

	/** A write request as its entry names it, and whether its work has already written the entry. */
	static final class RequestWrite {

		private final HttpServletRequest request;

		private final String action;

		private final String objectId;

		private volatile int writtenStatus = -1;

		RequestWrite(HttpServletRequest request) {
			this.request = request;
			Matcher ids = UUID_SEGMENT.matcher(path(request));
			String id = null;
			while (ids.find()) {
				id = ids.group(1);
			}
			this.objectId = id;
			this.action = request.getMethod() + " " + ids.replaceAll("/{id}");
		}

		Actor actor() {
			return currentActor(request);
		}

		String remoteAddress() {
			return request.getRemoteAddr();
		}

		String action() {
			return action;
		}

		String objectType() {
			return AuditWriteFilter.objectType(path(request));
		}

		String objectId() {
			return objectId;
		}

		String formField(String name) {
			return AuditWriteFilter.formField(request, name);
		}

		/** The work committed the entry of this request as answered with {@code status}. */
		void written(int status) {
			writtenStatus = status;
		}

		boolean writtenAs(int status, Outcome outcome) {
			return writtenStatus == status && outcome == Outcome.SUCCESS;
		}
	}

	/** A form's field, if the request was a form; a JSON body is read by its controller alone and quoted by none. */
	private static String formField(HttpServletRequest request, String name) {
		try {
			return request.getParameter(name);
		}
		catch (RuntimeException e) {
			return null; // a multipart body the container could not read: the entry is written without the quote
		}
	}

	static Outcome outcome(int status) {
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

	/** An anonymous write to a page is answered with a redirect to the login page: refused, not done. */
	private static boolean isRedirectToLogin(HttpServletResponse response) {
		String location = response.getHeader("Location");
		return response.getStatus() / 100 == 3 && location != null && location.contains("/login");
	}

	private static Actor currentActor(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			return actor;
		}
		return request.getAttribute(ACTOR_ATTRIBUTE) instanceof Actor actor ? actor : null;
	}
}
