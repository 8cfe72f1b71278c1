package org.zhizhi.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.zhizhi.shared.SecurityHeaders;

/** The door of every module's public pages ({@code /public/**}: the partnership lists, the wish wall). */
@Configuration(proxyBeanMethods = false)
class PublicPagesSecurity {

	/**
	 * The public pages of a community ({@code /public/**}: its lists, pledges and wish wall) are read by anyone without
	 * a login: GET only, no session, no CSRF token; the pages themselves show nothing personal.
	 */
	@Bean
	@Order(SecurityChains.PUBLIC_PAGES)
	SecurityFilterChain publicPagesChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/public/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/public/**")
				.permitAll()
				.anyRequest()
				.denyAll())
			.headers(SecurityHeaders.platform());
		return http.build();
	}
}
