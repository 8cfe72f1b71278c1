package org.zhizhi.identity.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhizhi.shared.DemoMode;

/**
 * The Chinese login page; the form posts to Spring Security's {@code /login}. Only a demo installation hints at the demo
 * accounts' shared password.
 */
@Controller
class LoginController {

	private final DemoMode demoMode;

	LoginController(DemoMode demoMode) {
		this.demoMode = demoMode;
	}

	@GetMapping("/login")
	String login(Model model) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		model.addAttribute("demo", demoMode.enabled());
		return "identity/login";
	}
}
