package org.zhizhi.open311.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.zhizhi.identity.AuditTrail;
import org.zhizhi.identity.AuditWriteFilter;
import org.zhizhi.shared.web.SecurityChains;
import org.zhizhi.shared.SecurityHeaders;

/** The open311 module's own door. */
@Configuration(proxyBeanMethods = false)
class Open311Security {

	/**
	 * Open311 clients are programs with an api_key, not signed-in users: no session, no CSRF token, no login page.
	 * The open311 module checks the api_key of every POST itself and its GETs are public by the specification; writes
	 * are still audited like every other.
	 */
	@Bean
	@Order(SecurityChains.OPEN311)
	SecurityFilterChain open311Chain(HttpSecurity http, AuditTrail audit) throws Exception {
		http.securityMatcher("/open311/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.headers(SecurityHeaders.platform())
			.addFilterBefore(new AuditWriteFilter(audit), CsrfFilter.class);
		return http.build();
	}
}
