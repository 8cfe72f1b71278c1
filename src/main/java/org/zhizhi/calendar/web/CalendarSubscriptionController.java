package org.zhizhi.calendar.web;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.zhizhi.calendar.CalendarFeed;
import org.zhizhi.identity.CalendarFeeds;
import org.zhizhi.shared.Actor;

/**
 * 日程订阅: what a person's feed holds (the next events), whether he has a feed URL, and the steps to get one, replace it
 * (the old URL stops working) or switch it off. The URL is shown once, on the answer to the request that made it:
 * only its hash is kept, and it is put in no session or flash.
 */
@Controller
@RequestMapping("/account/calendar")
class CalendarSubscriptionController {

	/** How many coming events the page shows, so that a person sees what he would subscribe to. */
	static final int PREVIEW = 8;

	private final CalendarFeeds feeds;

	private final CalendarFeed feed;

	private final Clock clock;

	CalendarSubscriptionController(CalendarFeeds feeds, CalendarFeed feed, Clock clock) {
		this.feeds = feeds;
		this.feed = feed;
		this.clock = clock;
	}

	@GetMapping
	String page(@AuthenticationPrincipal Actor actor, Model model) {
		return page(actor, null, model);
	}

	/** A new feed URL (replacing the old one), shown on this answer only. */
	@PostMapping("/feed")
	String issue(@AuthenticationPrincipal Actor actor, HttpServletRequest request, Model model) {
		String token = feeds.issue(actor, request.getRemoteAddr());
		String url = ServletUriComponentsBuilder.fromContextPath(request)
			.path("/calendar/{token}.ics")
			.buildAndExpand(token)
			.toUriString();
		return page(actor, url, model);
	}

	@PostMapping("/feed/revoke")
	String revoke(@AuthenticationPrincipal Actor actor, HttpServletRequest request, RedirectAttributes redirect) {
		feeds.revoke(actor, request.getRemoteAddr());
		redirect.addFlashAttribute("notice", "calendar.revoked");
		return "redirect:/account/calendar";
	}

	private String page(Actor actor, String newUrl, Model model) {
		model.addAttribute("issuedAt", feeds.issuedAt(actor).orElse(null));
		model.addAttribute("newUrl", newUrl);
		model.addAttribute("webcalUrl", newUrl == null ? null : newUrl.replaceFirst("^https?://", "webcal://"));
		Instant now = clock.instant();
		model.addAttribute("events", feed.events(actor)
			.stream()
			.filter(e -> !e.cancelled() && e.start().isAfter(now))
			.limit(PREVIEW)
			.toList());
		return "calendar/subscription";
	}
}
