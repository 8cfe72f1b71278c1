package org.zhizhi.shared.web;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every page reads times in the platform's one zone ({@code zhizhi.zone}): templates write
 * {@code #temporals.format(at.atZone(zone), …)}, and no controller or template names a zone of its own.
 *
 * <p>A request attribute set before the handler (templates read it like a model entry, error pages too), registered
 * for pages only ({@link WebConfiguration}). It was a {@code @ModelAttribute} of a {@code @ControllerAdvice}, which
 * Spring MVC invokes for every handler, the JSON API's too — and a {@code @RestController} is a {@code @Controller},
 * so no {@code annotations} filter of the advice could leave the API out (issue 16, fifth session).
 */
final class PageZone implements HandlerInterceptor {

	static final String ATTRIBUTE = "zone";

	private final ZoneId zone;

	PageZone(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		request.setAttribute(ATTRIBUTE, zone);
		return true;
	}
}
