package org.zhizhi.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhizhi.shared.SecurityHeaders;

/**
 * Gives every request its Content-Security-Policy nonce before anything renders: pages write it on their few inline
 * scripts ({@code th:attr="nonce=${cspNonce}"}), and the policy every security chain sends
 * ({@link SecurityHeaders#platform()}) allows exactly those — a script injected into a page has no nonce and does
 * not run.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CspNonceFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecurityHeaders.nonceOf(request);
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// an error page rendered for this request keeps its nonce (the attribute is still there)
		return false;
	}
}
