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
 * Gives every rendered page what the shell around it shows: the user, his scope node and his menu
 * ({@link Navigation}). Only for pages — JSON answers and redirects are left alone.
 */
@Component
class LayoutInterceptor implements HandlerInterceptor {

	private final OrgUnitQueries orgUnits;

	LayoutInterceptor(OrgUnitQueries orgUnits) {
		this.orgUnits = orgUnits;
	}

	/**
	 * What costs nothing goes in before the handler runs, as request attributes, which the templates read like model
	 * entries: an error page rendered from an exception handler never reaches {@link #postHandle}, and still shows
	 * the user's navigation.
	 */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			request.setAttribute("actor", actor);
			request.setAttribute("mayManageAccounts", GrantRules.mayManageAccounts(actor));
			request.setAttribute("menu", Navigation.of(actor, request.getRequestURI()));
		}
		request.setAttribute("currentPath", request.getRequestURI());
		return true;
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
