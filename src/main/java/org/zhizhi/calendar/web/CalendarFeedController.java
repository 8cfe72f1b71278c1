package org.zhizhi.calendar.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.calendar.CalendarFeed;
import org.zhizhi.identity.CalendarFeeds;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.SecurityHeaders;
import org.zhizhi.shared.web.SecurityChains;

/**
 * {@code GET /calendar/{token}.ics}: the feed a phone's calendar app fetches every so often, without signing in — the
 * token answers as its holder. An unknown, replaced or revoked token, or a disabled account, is simply not found.
 */
@RestController
class CalendarFeedController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final CalendarFeeds feeds;

	private final CalendarFeed feed;

	private final MessageSource messages;

	CalendarFeedController(CalendarFeeds feeds, CalendarFeed feed, MessageSource messages) {
		this.feeds = feeds;
		this.feed = feed;
		this.messages = messages;
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		Actor holder = feeds.holder(token).orElseThrow(() -> DomainException.notFound("calendar"));
		String name = messages.getMessage("calendar.feedName", new Object[] { holder.displayName() },
				Locale.SIMPLIFIED_CHINESE);
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			// the apps poll; a few minutes' staleness is nothing for meetings planned weeks ahead
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
			.body(feed.ics(holder, name));
	}

	/** The feeds' own door: GET only, no session, no CSRF token — the URL's token is the credential. */
	@Configuration(proxyBeanMethods = false)
	static class CalendarFeedSecurity {

		@Bean
		@Order(SecurityChains.CALENDAR_FEEDS)
		SecurityFilterChain calendarFeedChain(HttpSecurity http) throws Exception {
			http.securityMatcher("/calendar/**")
				.csrf(csrf -> csrf.disable())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.httpBasic(basic -> basic.disable())
				.formLogin(form -> form.disable())
				.logout(logout -> logout.disable())
				.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/calendar/**")
					.permitAll()
					.anyRequest()
					.denyAll())
				.headers(SecurityHeaders.platform());
			return http.build();
		}
	}
}
