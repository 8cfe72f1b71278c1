package org.zhizhi.identity.web;

import static org.zhizhi.shared.Role.ACCOUNT_MANAGERS;
import static org.zhizhi.shared.Role.BUSINESS;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.identity.ApiTokens;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.AuditTrail;
import org.zhizhi.identity.SignInProperties;
import org.zhizhi.identity.AuditWriteFilter;
import org.zhizhi.identity.PlatformRoles;
import org.zhizhi.identity.Authenticator;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.ProblemResponses;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.web.SecurityChains;
import org.zhizhi.territory.TerritoryRoles;
import org.zhizhi.shared.SecurityHeaders;

/**
 * Identity's two doors: the API ({@code /api/v1/**}, actuator) takes bearer tokens, keeps no session and answers
 * failures as problems; the pages take the login form, a session and CSRF tokens. Both let in only the roles each area
 * is for. Other modules declare their own doors (Open311's, the public pages'), ordered by {@link SecurityChains}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	private static final String[] PUBLIC_PAGES = { "/login", SignInSteps.SECOND_FACTOR_PAGE, SignInSteps.ENROL_PAGE, "/css/**", "/js/**", "/img/**", "/webjars/**",
			"/favicon.ico", "/error", "/error/**", "/v3/api-docs", "/v3/api-docs/**", "/api/docs", "/api/docs/**",
			"/swagger-ui/**", "/swagger-ui.html", "/livez", "/readyz" };

	/** Who may read the territory tree: everyone who works in it, and the security admin who binds accounts to it. */
	private static final java.util.Set<Role> TREE_READERS = java.util.EnumSet.copyOf(BUSINESS);

	static {
		TREE_READERS.add(Role.SECURITY_ADMIN);
	}

	/**
	 * Spring Security observes nothing: {@code management.observations.enable.spring.security=false} already made its
	 * observations no-ops, yet the wrappers that ask (one around every filter of the chain, one around the
	 * authentication and the authorisation managers) stayed and cost every API request its share (issue 16, fifth
	 * session: 2.4 % of the request threads' samples).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt, behind the {id} prefix, so that the scheme can change without touching stored hashes
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(SecurityChains.API)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, AuditTrail audit, ProblemResponses problems)
			throws Exception {
		http.securityMatcher("/api/v1/**", "/actuator/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
				// the actuator lives on the management port (ManagementSecurity): here it is simply not found
				.requestMatchers("/actuator", "/actuator/**").permitAll()
				.requestMatchers("/api/v1/audit-entries", "/api/v1/audit-entries/**").hasRole(Role.AUDITOR.name())
				.requestMatchers("/api/v1/admin/keys", "/api/v1/admin/keys/**").hasRole(Role.SECURITY_ADMIN.name())
				.requestMatchers("/api/v1/accounts", "/api/v1/accounts/**").hasAnyRole(Role.names(ACCOUNT_MANAGERS))
				.requestMatchers("/api/v1/auditor-appointments", "/api/v1/auditor-appointments/**")
				.hasAnyRole(Role.SYSTEM_ADMIN.name(), Role.SECURITY_ADMIN.name())
				.requestMatchers("/api/v1/me", "/api/v1/auth/**").authenticated()
				// the security admin binds accounts to nodes, so he reads the tree; nothing else of the business
				.requestMatchers(HttpMethod.GET, "/api/v1/org-units", "/api/v1/org-units/**")
				.hasAnyRole(Role.names(TREE_READERS))
				.anyRequest().hasAnyRole(Role.names(BUSINESS)))
			.addFilterBefore(new AuditWriteFilter(audit), CsrfFilter.class)
			.headers(SecurityHeaders.platform())
			.addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "problem.unauthenticated"))
				.accessDeniedHandler((request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"FORBIDDEN", "problem.forbidden")));
		return http.build();
	}

	@Bean
	@Order(SecurityChains.PAGES)
	SecurityFilterChain pageChain(HttpSecurity http, Authenticator authenticator, AccountQueries accounts,
			AuditTrail audit, SignInSteps steps, SignInProperties signIn, Clock clock) throws Exception {
		http.authenticationProvider(new ActorAuthenticationProvider(authenticator))
			.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PAGES).permitAll()
				.requestMatchers("/audit", "/audit/**").hasAnyRole(Role.names(PlatformRoles.AUDIT_READERS))
				.requestMatchers("/admin/keys", "/admin/keys/**").hasAnyRole(Role.names(PlatformRoles.KEY_KEEPERS))
				.requestMatchers("/accounts", "/accounts/**").hasAnyRole(Role.names(ACCOUNT_MANAGERS))
				.requestMatchers("/", "/account/**", "/logout").authenticated()
				// the pages of the tree are the staff's tools (TerritoryRoles); the API above serves the apps as well
				.requestMatchers(HttpMethod.GET, "/territory", "/territory/**")
				.hasAnyRole(Role.names(TerritoryRoles.TREE_READERS))
				.anyRequest().hasAnyRole(Role.names(BUSINESS)))
			.formLogin(form -> form.loginPage("/login")
				// staff go on to the second factor before the session is signed in (SignInSteps)
				.successHandler(steps::afterPassword)
				.failureHandler((request, response, e) -> {
					String reason = e instanceof LockedException ? "locked"
							: e instanceof DisabledException ? "disabled" : "bad";
					response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
				})
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout")
				.addLogoutHandler((request, response, authentication) -> auditLogout(audit, request.getRemoteAddr(),
						authentication))
				.logoutSuccessUrl("/login?logout")
				.permitAll())
			.addFilterAfter(new SessionGuardFilter(accounts, signIn.sessionMaxLifetime(), clock),
					AuthorizationFilter.class)
			.headers(SecurityHeaders.platform())
			.addFilterBefore(new AuditWriteFilter(audit), CsrfFilter.class)
			.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> {
				// let the Chinese 403 page render through Spring Boot's error handling
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}));
		return http.build();
	}

	private static void auditLogout(AuditTrail audit, String address, Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			audit.record(actor, address, "LOGOUT", "account", actor.userId().toString(), Outcome.SUCCESS, null);
		}
	}

	// ---- open311: appended for Open311 GeoReport v2 -----------------------------------------------------------------
}
