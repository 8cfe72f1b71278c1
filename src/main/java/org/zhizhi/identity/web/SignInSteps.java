package org.zhizhi.identity.web;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.identity.TwoFactor;
import org.zhizhi.shared.Actor;

/**
 * The steps of a page sign-in: the password (Spring Security's form login), then for staff the second factor, then
 * the signed-in session. Between the two a session is <em>not</em> authenticated at all — it holds only a
 * {@link Pending} note of who typed the right password, for five minutes — so a half-signed-in session reaches
 * nothing but the login pages: every other page sends it to {@code /login}, every API call needs a token anyway.
 *
 * <p>Why not Spring Security 7's built-in multi-factor authorities: they ask every factor of every user, while here
 * the second factor depends on the account (staff, not residents; not the demo accounts in demo mode), and Spring
 * Security has no TOTP factor of its own to plug in.
 */
@Component
class SignInSteps {

	/** Who typed the right password, and when; the security context stays empty until the second factor. */
	record Pending(Actor actor, Instant at) implements Serializable {
	}

	static final String PENDING = "zhizhi.signIn.pending";

	static final Duration PENDING_FOR = Duration.ofMinutes(5);

	static final String SECOND_FACTOR_PAGE = "/login/two-factor";

	static final String ENROL_PAGE = "/login/two-factor/enrol";

	private final TwoFactor twoFactor;

	private final AccountQueries accounts;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final RequestCache requestCache = new HttpSessionRequestCache();

	SignInSteps(TwoFactor twoFactor, AccountQueries accounts, Clock clock) {
		this.twoFactor = twoFactor;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The form login's success handler: a right password. */
	void afterPassword(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		Actor actor = (Actor) authentication.getPrincipal();
		if (twoFactor.required(actor)) {
			// take back what form login just stored: the session is not signed in until the second factor
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession();
			session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			session.setAttribute(PENDING, new Pending(actor, clock.instant()));
			response.sendRedirect(request.getContextPath()
					+ (twoFactor.enrolled(actor.userId()) ? SECOND_FACTOR_PAGE : ENROL_PAGE));
			return;
		}
		response.sendRedirect(request.getContextPath() + signedIn(request, response, authentication));
	}

	/** The password was right and {@link #PENDING_FOR} has not passed; otherwise the note is dropped. */
	Pending pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
			return null;
		}
		if (pending.at().plus(PENDING_FOR).isBefore(clock.instant())) {
			session.removeAttribute(PENDING);
			return null;
		}
		return pending;
	}

	/**
	 * The second factor was right: the session becomes signed in (under a new id, against fixation). Answers where
	 * to go on: the page first asked for, or the password page while an initial password is still unchanged.
	 */
	String afterSecondFactor(HttpServletRequest request, HttpServletResponse response, Actor actor) {
		request.getSession().removeAttribute(PENDING);
		request.changeSessionId();
		Authentication authentication = ActorAuthenticationProvider.authenticated(actor);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		return signedIn(request, response, authentication);
	}

	/** Marks the session signed in now; answers the path to go on to. */
	private String signedIn(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		Actor actor = (Actor) authentication.getPrincipal();
		request.getSession().setAttribute(SessionGuardFilter.SIGNED_IN_AT, clock.instant());
		request.getSession().setAttribute(SessionGuardFilter.STARTED_AT, clock.instant());
		// what "my sessions" finds it by and shows of it: the account (not a name that may change), where from, what
		request.getSession().setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
				actor.userId().toString());
		request.getSession().setAttribute(SessionsController.CLIENT, request.getRemoteAddr());
		request.getSession().setAttribute(SessionsController.DEVICE, SessionsController.device(request));
		if (accounts.passwordChangeRequired(actor.userId())) {
			request.getSession().setAttribute(SessionGuardFilter.SESSION_FLAG, true);
			return SessionGuardFilter.PASSWORD_PAGE;
		}
		SavedRequest saved = requestCache.getRequest(request, response);
		if (saved == null) {
			return "/";
		}
		// only ever a page of this site: the cache saved the request that was sent here to sign in
		requestCache.removeRequest(request, response);
		java.net.URI uri = java.net.URI.create(saved.getRedirectUrl());
		return uri.getRawPath().substring(request.getContextPath().length())
				+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}
}
