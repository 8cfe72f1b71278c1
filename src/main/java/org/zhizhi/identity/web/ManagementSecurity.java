package org.zhizhi.identity.web;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.zhizhi.shared.web.SecurityChains;

/**
 * The operators' door: health, metrics and the Prometheus scrape live on a management port of their own
 * ({@code management.server.port}, bound to an internal address by {@code management.server.address}), open to what
 * can reach that port and to nothing else — a scraper holds no token that expires under it, and the public port
 * serves no actuator endpoint at all (only {@code /livez} and {@code /readyz} for load balancers). Requests on the
 * management port pass through the platform's chains too, so this one, matching the management port's endpoints only,
 * comes first.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

	/**
	 * Opening the endpoints is only safe on a port of their own: on the public port the Prometheus scrape (who signs
	 * in, which steps are taken, how long the queues are) would be open to the internet. Refuse to start instead.
	 */
	ManagementSecurity(Environment environment) {
		if (ManagementPortType.get(environment) == ManagementPortType.SAME) {
			throw new IllegalStateException("management.server.port (ZHIZHI_MANAGEMENT_PORT) must name a port other "
					+ "than server.port, bound to an internal address: the actuator endpoints are open on it "
					+ "without sign-in; set it to -1 to switch them off");
		}
	}

	@Bean
	@Order(SecurityChains.MANAGEMENT)
	SecurityFilterChain managementChain(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		return http.build();
	}
}
