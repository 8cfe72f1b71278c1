package org.zhizhi.citylink.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.zhizhi.citylink.PlatformLinks;
import org.zhizhi.identity.AuditTrail;
import org.zhizhi.identity.AuditWriteFilter;
import org.zhizhi.shared.ProblemResponses;
import org.zhizhi.shared.SecurityHeaders;
import org.zhizhi.shared.web.SecurityChains;

/** The citylink module's own door for the city platforms' orders; the district admin's API stays behind the API's. */
@Configuration(proxyBeanMethods = false)
class CitylinkSecurity {

	/**
	 * A city platform is a program with a key, not a signed-in user: no session, no CSRF token, no login page; its
	 * key is checked by {@link PlatformKeyFilter} and opens this one path. Its writes are audited like every other.
	 */
	@Bean
	@Order(SecurityChains.CITY_PLATFORM)
	SecurityFilterChain cityPlatformChain(HttpSecurity http, PlatformLinks links, AuditTrail audit,
			ProblemResponses problems) throws Exception {
		http.securityMatcher(PlatformKeyFilter.ORDERS, PlatformKeyFilter.ORDERS + "/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.anonymous(anonymous -> anonymous.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.headers(SecurityHeaders.platform())
			.addFilterBefore(new AuditWriteFilter(audit), CsrfFilter.class)
			.addFilterBefore(new PlatformKeyFilter(links, problems), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}
}
