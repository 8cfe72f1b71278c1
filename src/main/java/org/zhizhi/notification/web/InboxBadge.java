package org.zhizhi.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.zhizhi.notification.Inbox;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/**
 * Puts {@code inboxUnread} — the signed-in user's unread count — into the model of every rendered page, for the badge
 * in the layout's header. It lives here rather than in the dashboard's layout interceptor so that the shell needs no
 * dependency on this module: the layout shows the badge whenever the attribute is there. Only users with a business
 * role get it, since only they may open the inbox; pages that are JSON, redirects or errors are left alone.
 */
@Configuration(proxyBeanMethods = false)
class InboxBadge implements WebMvcConfigurer, HandlerInterceptor {

	private final Inbox inbox;

	InboxBadge(Inbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/api/**", "/actuator/**", "/webjars/**", "/css/**",
				"/js/**", "/img/**");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")) {
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor
				&& actor.hasAny(Role.BUSINESS)) {
			page.addObject("inboxUnread", inbox.unreadCount(actor));
		}
	}
}
