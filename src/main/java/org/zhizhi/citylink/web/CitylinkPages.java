package org.zhizhi.citylink.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.citylink.CitylinkCommands.AddPlatformLink;
import org.zhizhi.citylink.CitylinkCommands.AddSubscriber;
import org.zhizhi.citylink.CityOrders;
import org.zhizhi.citylink.DeliveryState;
import org.zhizhi.citylink.FeedKinds;
import org.zhizhi.citylink.OrderSource;
import org.zhizhi.citylink.PlatformLinks;
import org.zhizhi.citylink.Subscribers;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;

/**
 * 城市平台对接 on the desk: the district's subscribers with their counts and the add form (the secret shown once
 * after it), the city platforms' keys (the key shown once), the orders received, and the delivery log with each
 * delivery's attempts and its resend.
 */
@Controller
class CitylinkPages {

	private static final String HOME = "/citylink";

	private final Subscribers subscribers;

	private final PlatformLinks links;

	private final CityOrders orders;

	private final MessageSource messages;

	private final ZoneId zone;

	CitylinkPages(Subscribers subscribers, PlatformLinks links, CityOrders orders, MessageSource messages,
			ZoneId zone) {
		this.subscribers = subscribers;
		this.links = links;
		this.orders = orders;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping(HOME)
	String home(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("subscribers", subscribers.list(actor));
		model.addAttribute("links", links.list(actor));
		model.addAttribute("orders", orders.recent(actor, 20));
		model.addAttribute("kinds", FeedKinds.patterns());
		model.addAttribute("sources", OrderSource.values());
		model.addAttribute("zone", zone);
		if (!model.containsAttribute("subscriberErrors")) {
			model.addAttribute("subscriberErrors", FormErrors.none());
		}
		if (!model.containsAttribute("linkErrors")) {
			model.addAttribute("linkErrors", FormErrors.none());
		}
		if (!model.containsAttribute("values")) {
			model.addAttribute("values", Map.of());
		}
		return "citylink/home";
	}

	@PostMapping(HOME + "/subscribers")
	String add(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) String url, @RequestParam(required = false) List<String> kinds,
			@RequestParam(required = false) OrderSource source, RedirectAttributes redirect) {
		try {
			var made = subscribers.add(actor, new AddSubscriber(name, url, kinds == null ? List.of() : kinds, source));
			redirect.addFlashAttribute("notice", "citylink.notice.subscriberAdded");
			redirect.addFlashAttribute("shownOnce", made.secret());
			redirect.addFlashAttribute("shownOnceFor", made.subscriber().name());
		}
		catch (DomainException e) {
			refused(e, redirect, "subscriberErrors");
			redirect.addFlashAttribute("values", Map.of("name", name == null ? "" : name, "url", url == null ? "" : url,
					"kinds", kinds == null ? List.of() : kinds, "source", source == null ? "" : source.name()));
		}
		return "redirect:" + HOME;
	}

	@PostMapping(HOME + "/subscribers/{id}/pause")
	String pause(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "citylink.notice.paused", () -> subscribers.pause(actor, id));
	}

	@PostMapping(HOME + "/subscribers/{id}/retire")
	String retire(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "citylink.notice.retired", () -> subscribers.retire(actor, id));
	}

	@PostMapping(HOME + "/subscribers/{id}/resume")
	String resume(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "citylink.notice.resumed", () -> subscribers.resume(actor, id));
	}

	@PostMapping(HOME + "/subscribers/{id}/rotate-secret")
	String rotate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "citylink.notice.rotated", () -> {
			var rotated = subscribers.rotateSecret(actor, id);
			redirect.addFlashAttribute("shownOnce", rotated.secret());
			redirect.addFlashAttribute("shownOnceFor", rotated.subscriber().name());
		});
	}

	@PostMapping(HOME + "/links")
	String addLink(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) OrderSource source, RedirectAttributes redirect) {
		try {
			var made = links.add(actor, new AddPlatformLink(name, source));
			redirect.addFlashAttribute("notice", "citylink.notice.linkAdded");
			redirect.addFlashAttribute("shownOnce", made.key());
			redirect.addFlashAttribute("shownOnceFor", made.link().name());
		}
		catch (DomainException e) {
			refused(e, redirect, "linkErrors");
			redirect.addFlashAttribute("values", Map.of("linkName", name == null ? "" : name, "linkSource",
					source == null ? "" : source.name()));
		}
		return "redirect:" + HOME;
	}

	@PostMapping(HOME + "/links/{id}/revoke")
	String revoke(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "citylink.notice.revoked", () -> links.revoke(actor, id));
	}

	@GetMapping(HOME + "/deliveries")
	String deliveries(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID subscriberId,
			@RequestParam(required = false) DeliveryState state, @RequestParam(defaultValue = "0") int page,
			Model model) {
		var list = subscribers.deliveries(actor, subscriberId, state, page);
		model.addAttribute("deliveries", list);
		model.addAttribute("subscribers", subscribers.list(actor));
		model.addAttribute("subscriberId", subscriberId);
		model.addAttribute("state", state);
		model.addAttribute("states", DeliveryState.values());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("more", list.size() == Subscribers.PAGE_SIZE);
		model.addAttribute("zone", zone);
		return "citylink/deliveries";
	}

	@GetMapping(HOME + "/deliveries/{id}")
	String delivery(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("detail", subscribers.delivery(actor, id));
		model.addAttribute("zone", zone);
		return "citylink/delivery";
	}

	@PostMapping(HOME + "/deliveries/{id}/resend")
	String resend(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return FormErrors.step(redirect, HOME + "/deliveries/" + id, "citylink.notice.resent",
				() -> subscribers.resend(actor, id), messages, "citylink.deliveryState.", "citylink.deliveryAction.");
	}

	private String step(RedirectAttributes redirect, String notice, Runnable command) {
		return FormErrors.step(redirect, HOME, notice, command, messages, "citylink.subscriberState.",
				"citylink.subscriberAction.");
	}

	private void refused(DomainException e, RedirectAttributes redirect, String errorsName) {
		if (e.category() != DomainException.Category.INVALID) {
			throw e;
		}
		redirect.addFlashAttribute(errorsName, FormErrors.of(e, messages));
	}
}
