package org.zhizhi.identity.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.identity.AccountManagement;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;

/** A user changes his own password — and must, before anything else, while it is still an initial one. */
@Controller
class PasswordController {

	private final AccountManagement accounts;

	private final MessageSource messages;

	private final Clock clock;

	PasswordController(AccountManagement accounts, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping(SessionGuardFilter.PASSWORD_PAGE)
	String form(HttpServletRequest request, Model model) {
		model.addAttribute("required", required(request));
		model.addAttribute("errors", FormErrors.none());
		return "identity/password";
	}

	@PostMapping(SessionGuardFilter.PASSWORD_PAGE)
	String change(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmPassword,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw DomainException.invalid(java.util.List.of(
						new DomainException.FieldProblem("confirmPassword", "password.mismatch")));
			}
			accounts.changeOwnPassword(actor, currentPassword, newPassword, request.getRemoteAddr());
		}
		catch (DomainException e) {
			model.addAttribute("required", required(request));
			model.addAttribute("errors", FormErrors.of(e, messages));
			return "identity/password";
		}
		request.getSession().removeAttribute(SessionGuardFilter.SESSION_FLAG);
		// this session carries the new password: it stays signed in, every other one ends
		request.getSession().setAttribute(SessionGuardFilter.SIGNED_IN_AT, clock.instant());
		redirect.addFlashAttribute("notice", "password.changed");
		return "redirect:/";
	}

	private static boolean required(HttpServletRequest request) {
		var session = request.getSession(false);
		return session != null && Boolean.TRUE.equals(session.getAttribute(SessionGuardFilter.SESSION_FLAG));
	}
}
