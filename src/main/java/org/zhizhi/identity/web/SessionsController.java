package org.zhizhi.identity.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.identity.ApiTokens;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.AuditTrail;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Sha256;

/**
 * 我的登录会话 (等保 session hygiene): every place a person is signed in — his web sessions on any node, and his API
 * tokens — with when and where from, and a way to end each one he does not recognise. A session is named on the page
 * by a digest of its id, never by the id itself: the id is what signs a browser in.
 */
@Controller
@RequestMapping("/account/sessions")
class SessionsController {

	/** Where the session signed in from (the client address at sign-in). */
	static final String CLIENT = "zhizhi.signIn.client";

	/** What signed in: a short description of the browser, from its User-Agent. */
	static final String DEVICE = "zhizhi.signIn.device";

	/** A session as the page lists it. */
	record SignedIn(String ref, Instant createdAt, Instant lastAccessedAt, Instant expiresAt, String client,
			String device, boolean current) {
	}

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final ApiTokens tokens;

	private final AuditTrail audit;

	SessionsController(FindByIndexNameSessionRepository<? extends Session> sessions, ApiTokens tokens,
			AuditTrail audit) {
		this.sessions = sessions;
		this.tokens = tokens;
		this.audit = audit;
	}

	@GetMapping
	String page(@AuthenticationPrincipal Actor actor, HttpServletRequest request, Model model) {
		model.addAttribute("sessions", signedIn(actor, request));
		model.addAttribute("tokens", tokens.live(actor.userId()));
		return "identity/sessions";
	}

	/** Ends one of his own sessions (not the one he is using: that is 退出登录). */
	@PostMapping("/{ref}/end")
	String end(@AuthenticationPrincipal Actor actor, @PathVariable String ref, HttpServletRequest request,
			RedirectAttributes redirect) {
		String current = request.getSession().getId();
		String id = own(actor).keySet()
			.stream()
			.filter(sessionId -> ref(sessionId).equals(ref) && !sessionId.equals(current))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("session"));
		sessions.deleteById(id);
		audit.record(actor, request.getRemoteAddr(), "SESSION_END", "session", ref, Outcome.SUCCESS, null);
		redirect.addFlashAttribute("notice", "sessions.ended");
		return "redirect:/account/sessions";
	}

	/** Ends every session of his but this one, and revokes his API tokens: "this was not me". */
	@PostMapping("/others/end")
	String endOthers(@AuthenticationPrincipal Actor actor, HttpServletRequest request, RedirectAttributes redirect) {
		String current = request.getSession().getId();
		int ended = 0;
		for (String id : own(actor).keySet()) {
			if (!id.equals(current)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		int revoked = tokens.revokeAll(actor.userId());
		audit.record(actor, request.getRemoteAddr(), "SESSION_END", "session", null, Outcome.SUCCESS,
				ended + " session(s), " + revoked + " token(s)");
		redirect.addFlashAttribute("notice", "sessions.othersEnded");
		return "redirect:/account/sessions";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (!tokens.revoke(actor.userId(), id)) {
			throw DomainException.notFound("token");
		}
		audit.record(actor, request.getRemoteAddr(), "TOKENS_REVOKE", "account", actor.userId().toString(),
				Outcome.SUCCESS, "1 token(s), by its holder");
		redirect.addFlashAttribute("notice", "sessions.tokenRevoked");
		return "redirect:/account/sessions";
	}

	private List<SignedIn> signedIn(Actor actor, HttpServletRequest request) {
		String current = request.getSession().getId();
		return own(actor).values()
			.stream()
			.filter(s -> !s.isExpired())
			.map(s -> new SignedIn(ref(s.getId()), s.getCreationTime(), s.getLastAccessedTime(),
					s.getLastAccessedTime().plus(s.getMaxInactiveInterval()), s.getAttribute(CLIENT),
					s.getAttribute(DEVICE), s.getId().equals(current)))
			.sorted(Comparator.comparing(SignedIn::current).reversed()
				.thenComparing(SignedIn::lastAccessedAt, Comparator.reverseOrder()))
			.toList();
	}

	private Map<String, ? extends Session> own(Actor actor) {
		return sessions.findByPrincipalName(actor.userId().toString());
	}

	private static String ref(String sessionId) {
		return Sha256.hex(sessionId).substring(0, 16);
	}

	/** A few words on the browser for a person to recognise it by: the system and the browser, nothing more. */
	static String device(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		if (agent == null || agent.isBlank()) {
			return null;
		}
		String system = agent.contains("Android") ? "Android" : agent.contains("iPhone") || agent.contains("iPad")
				? "iOS" : agent.contains("Windows") ? "Windows" : agent.contains("Mac OS") ? "macOS"
						: agent.contains("Linux") ? "Linux" : null;
		String browser = agent.contains("MicroMessenger") ? "微信" : agent.contains("Edg/") ? "Edge"
				: agent.contains("Firefox/") ? "Firefox" : agent.contains("Chrome/") ? "Chrome"
						: agent.contains("Safari/") ? "Safari" : null;
		String device = ((system == null ? "" : system) + " " + (browser == null ? "" : browser)).strip();
		return device.isEmpty() ? agent.substring(0, Math.min(agent.length(), 60)) : device;
	}
}
