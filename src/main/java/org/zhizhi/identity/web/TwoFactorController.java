package org.zhizhi.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhizhi.identity.LoginFailed;
import org.zhizhi.identity.TwoFactor;
import org.zhizhi.identity.TwoFactor.NewSecret;
import org.zhizhi.identity.web.SignInSteps.Pending;

/**
 * The second step of a staff sign-in: the code page of an enrolled account, or the enrolment page (QR code, the key in
 * text, a first code to confirm, then the recovery codes once). Reached only with a {@link Pending} password step in
 * the session; anything else goes back to {@code /login}.
 */
@Controller
class TwoFactorController {

	/** The secret being enrolled, kept in the session (never the database) until a first code confirms it. */
	static final String NEW_SECRET = "zhizhi.signIn.newSecret";

	private final TwoFactor twoFactor;

	private final SignInSteps steps;

	TwoFactorController(TwoFactor twoFactor, SignInSteps steps) {
		this.twoFactor = twoFactor;
		this.steps = steps;
	}

	@GetMapping(SignInSteps.SECOND_FACTOR_PAGE)
	String codePage(HttpServletRequest request) {
		Pending pending = steps.pending(request);
		if (pending == null) {
			return "redirect:/login";
		}
		if (!twoFactor.enrolled(pending.actor().userId())) {
			return "redirect:" + SignInSteps.ENROL_PAGE;
		}
		return "identity/two-factor";
	}

	@PostMapping(SignInSteps.SECOND_FACTOR_PAGE)
	String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Pending pending = steps.pending(request);
		if (pending == null) {
			return "redirect:/login";
		}
		try {
			twoFactor.verify(pending.actor(), code, request.getRemoteAddr());
		}
		catch (LoginFailed failure) {
			model.addAttribute("error", errorKey(failure));
			return "identity/two-factor";
		}
		return "redirect:" + steps.afterSecondFactor(request, response, pending.actor());
	}

	@GetMapping(SignInSteps.ENROL_PAGE)
	String enrolPage(HttpServletRequest request, Model model) {
		Pending pending = steps.pending(request);
		if (pending == null) {
			return "redirect:/login";
		}
		if (twoFactor.enrolled(pending.actor().userId())) {
			return "redirect:" + SignInSteps.SECOND_FACTOR_PAGE;
		}
		return enrolForm(request.getSession(), pending, model);
	}

	@PostMapping(SignInSteps.ENROL_PAGE)
	String confirmEnrolment(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Pending pending = steps.pending(request);
		HttpSession session = request.getSession();
		if (pending == null || !(session.getAttribute(NEW_SECRET) instanceof NewSecret secret)) {
			return "redirect:/login";
		}
		List<String> recoveryCodes;
		try {
			recoveryCodes = twoFactor.enrol(pending.actor(), secret.secret(), code, request.getRemoteAddr());
		}
		catch (LoginFailed failure) {
			model.addAttribute("error", errorKey(failure));
			return enrolForm(session, pending, model);
		}
		session.removeAttribute(NEW_SECRET);
		// shown this once: only their hashes are kept; "continue" goes where the sign-in would have gone
		model.addAttribute("next", steps.afterSecondFactor(request, response, pending.actor()));
		model.addAttribute("recoveryCodes", recoveryCodes);
		response.setHeader("Cache-Control", "no-store");
		return "identity/two-factor-recovery";
	}

	private String enrolForm(HttpSession session, Pending pending, Model model) {
		NewSecret secret = session.getAttribute(NEW_SECRET) instanceof NewSecret kept ? kept
				: twoFactor.newSecret(pending.actor());
		session.setAttribute(NEW_SECRET, secret);
		model.addAttribute("secret", secret.text());
		model.addAttribute("qrCode", QrCodeSvg.dataUri(secret.otpauthUri()));
		model.addAttribute("username", pending.actor().username());
		return "identity/two-factor-enrol";
	}

	private static String errorKey(LoginFailed failure) {
		return failure.reason() == LoginFailed.Reason.THROTTLED ? "twoFactor.throttled" : "twoFactor.wrong";
	}
}
