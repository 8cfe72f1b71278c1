package org.zhizhi.shared.web;

import java.time.Duration;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 大字模式: the larger text many elderly residents need, switched in the page header and remembered in a cookie, so it
 * holds on every page and before sign-in, on a shared family phone too. The page is rendered with the class on
 * {@code <html>} (no script decides it, so nothing flickers and the Content-Security-Policy stays as strict as it is).
 *
 * <p>The switch is a plain link to the same page with {@code ?text=large} or {@code ?text=normal}, as the language
 * switch is {@code ?lang=}: the cookie is set and the browser is sent back to the page without the parameter, so a
 * reload or a bookmark does not carry it. Templates read {@code largeText} and {@code textSizeUrl}.
 */
final class TextSize implements HandlerInterceptor {

	static final String PARAMETER = "text";

	static final String COOKIE = "zhizhi-text";

	static final String LARGE = "large";

	static final String NORMAL = "normal";

	/** Whether the page is rendered in large text (a request attribute, so error pages see it as well). */
	static final String LARGE_ATTRIBUTE = "largeText";

	/** Where the header's switch leads: this page with the other size asked for. */
	static final String URL_ATTRIBUTE = "textSizeUrl";

	private static final Duration KEPT = Duration.ofDays(365);

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String asked = request.getParameter(PARAMETER);
		if ("GET".equals(request.getMethod()) && (LARGE.equals(asked) || NORMAL.equals(asked))) {
			response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, asked)
				.path(cookiePath(request))
				.maxAge(KEPT)
				.httpOnly(true)
				.secure(request.isSecure())
				.sameSite("Lax")
				.build()
				.toString());
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader(HttpHeaders.LOCATION, samePage(request, null));
			return false;
		}
		boolean large = LARGE.equals(cookie(request));
		request.setAttribute(LARGE_ATTRIBUTE, large);
		request.setAttribute(URL_ATTRIBUTE, samePage(request, large ? NORMAL : LARGE));
		return true;
	}

	private static String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	private static String cookiePath(HttpServletRequest request) {
		String context = request.getContextPath();
		return context == null || context.isEmpty() ? "/" : context;
	}

	/**
	 * This page's path and query, with the size parameter set to {@code size} or left out. Relative to the server and
	 * starting with one slash, so the redirect can only lead back into the platform.
	 */
	static String samePage(HttpServletRequest request, String size) {
		// an error page (403, 404) is rendered on the error dispatch: its switch leads back to the page asked for
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = failed instanceof String uri ? uri : request.getRequestURI();
		String query = failed instanceof String ? null : request.getQueryString();
		if (path == null || path.isEmpty() || !path.startsWith("/") || path.startsWith("//")) {
			path = "/";
		}
		UriComponentsBuilder page = UriComponentsBuilder.fromPath(path).query(query);
		page.replaceQueryParam(PARAMETER, size == null ? new Object[0] : new Object[] { size });
		return page.build().toUriString();
	}
}
