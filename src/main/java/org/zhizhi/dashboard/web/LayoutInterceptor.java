package org.zhizhi.dashboard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.zhizhi.identity.GrantRules;
import org.zhizhi.shared.Actor;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Gives every rendered page what the shell around it shows: the user, his scope node and which navigation entries he
 * may see. Only for pages — JSON answers and redirects are left alone.
 */
@Component
class LayoutInterceptor implements HandlerInterceptor {

	private final OrgUnitQueries orgUnits;

	LayoutInterceptor(OrgUnitQueries orgUnits) {
		this.orgUnits = orgUnits;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")) {
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			page.addObject("actor", actor);
			page.addObject("scopeNode", orgUnits.bindingOf(actor.scope().orgUnitId()).orElse(null));
			page.addObject("mayManageAccounts", GrantRules.mayManageAccounts(actor));
		}
		page.addObject("currentPath", request.getRequestURI());
	}
}
