package org.zhizhi.dashboard.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Searchable;

/**
 * Tells the layout whether to show the header's search box ({@code searchBox}): to a signed-in person for whom some
 * module finds something — the roles alone decide, no query runs. A request attribute set before the handler, so that
 * error pages show the same header; kept apart from the layout interceptor, which the navigation's work owns.
 */
@Configuration(proxyBeanMethods = false)
class SearchBox implements WebMvcConfigurer, HandlerInterceptor {

	private final List<Searchable> modules;

	SearchBox(List<Searchable> modules) {
		this.modules = modules;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/api/**", "/actuator/**", "/webjars/**", "/css/**",
				"/js/**", "/img/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor
				&& modules.stream().anyMatch(m -> m.searchesFor(actor))) {
			request.setAttribute("searchBox", true);
		}
		return true;
	}
}
