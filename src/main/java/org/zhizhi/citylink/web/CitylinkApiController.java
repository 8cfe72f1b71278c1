package org.zhizhi.citylink.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.citylink.CitylinkCommands.AddPlatformLink;
import org.zhizhi.citylink.CitylinkCommands.AddSubscriber;
import org.zhizhi.citylink.CitylinkViews.DeliveryDetail;
import org.zhizhi.citylink.CitylinkViews.DeliveryView;
import org.zhizhi.citylink.CitylinkViews.PlatformLinkView;
import org.zhizhi.citylink.CitylinkViews.SubscriberView;
import org.zhizhi.citylink.CitylinkViews.WithKey;
import org.zhizhi.citylink.CitylinkViews.WithSecret;
import org.zhizhi.citylink.DeliveryState;
import org.zhizhi.citylink.FeedKinds;
import org.zhizhi.citylink.PlatformLinks;
import org.zhizhi.citylink.Subscribers;
import org.zhizhi.shared.Actor;

/**
 * The district admin's links over JSON: subscribers (the secret in the answer that makes or rotates it, and never
 * again), their delivery log with each attempt, resending, and the keys city platforms send orders with.
 */
@RestController
@RequestMapping("/api/v1/citylink")
@Tag(name = "citylink", description = "城市平台对接 (141, 12345): webhook subscribers, the signed feed's delivery log, "
		+ "city platform keys and their work orders")
class CitylinkApiController {

	private final Subscribers subscribers;

	private final PlatformLinks links;

	CitylinkApiController(Subscribers subscribers, PlatformLinks links) {
		this.subscribers = subscribers;
		this.links = links;
	}

	@GetMapping("/kinds")
	@Operation(summary = "The feed's kinds a subscriber may choose: each family as a whole (incident.*), then its kinds")
	List<String> kinds() {
		return FeedKinds.patterns();
	}

	@GetMapping("/subscribers")
	@Operation(summary = "The subscribers of the caller's district with their delivery counts")
	List<SubscriberView> subscribers(@AuthenticationPrincipal Actor actor) {
		return subscribers.list(actor);
	}

	@PostMapping("/subscribers")
	@Operation(summary = "Adds a webhook (https) for feed kinds; the answer holds its signing secret, shown only this once")
	ResponseEntity<WithSecret> add(@AuthenticationPrincipal Actor actor, @RequestBody AddSubscriber body) {
		WithSecret made = subscribers.add(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/citylink/subscribers/" + made.subscriber().id())).body(made);
	}

	@GetMapping("/subscribers/{id}")
	@Operation(summary = "One subscriber of the caller's district")
	SubscriberView subscriber(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return subscribers.get(actor, id);
	}

	@PostMapping("/subscribers/{id}/pause")
	@Operation(summary = "Pauses a subscriber: its deliveries wait, none is lost")
	SubscriberView pause(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return subscribers.pause(actor, id);
	}

	@PostMapping("/subscribers/{id}/resume")
	@Operation(summary = "Resumes a paused subscriber: what waited is sent")
	SubscriberView resume(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return subscribers.resume(actor, id);
	}

	@PostMapping("/subscribers/{id}/retire")
	@Operation(summary = "Retires a subscriber for good: nothing more is sent to it, what waited is given up; its log "
			+ "stays until the retention")
	SubscriberView retire(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return subscribers.retire(actor, id);
	}

	@PostMapping("/subscribers/{id}/rotate-secret")
	@Operation(summary = "Replaces the signing secret; the answer holds the new one, shown only this once")
	WithSecret rotate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return subscribers.rotateSecret(actor, id);
	}

	@GetMapping("/deliveries")
	@Operation(summary = "The delivery log of the caller's district, newest first (of one subscriber, in one state)")
	List<DeliveryView> deliveries(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) UUID subscriberId, @RequestParam(required = false) DeliveryState state,
			@RequestParam(defaultValue = "0") int page) {
		return subscribers.deliveries(actor, subscriberId, state, page);
	}

	@GetMapping("/deliveries/{id}")
	@Operation(summary = "One delivery with every attempt (status, latency, error) and the body it sends")
	DeliveryDetail delivery(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return subscribers.delivery(actor, id);
	}

	@PostMapping("/deliveries/{id}/resend")
	@Operation(summary = "Sends a delivered or failed delivery again at once, with the same event id")
	DeliveryDetail resend(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return subscribers.resend(actor, id);
	}

	@GetMapping("/links")
	@Operation(summary = "The keys city platforms (12345, 141) send orders into the caller's district with")
	List<PlatformLinkView> links(@AuthenticationPrincipal Actor actor) {
		return links.list(actor);
	}

	@PostMapping("/links")
	@Operation(summary = "Makes a key for a city platform; the answer holds the key, shown only this once")
	ResponseEntity<WithKey> addLink(@AuthenticationPrincipal Actor actor, @RequestBody AddPlatformLink body) {
		WithKey made = links.add(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/citylink/links/" + made.link().id())).body(made);
	}

	@PostMapping("/links/{id}/revoke")
	@Operation(summary = "Revokes a key: the platform's next order with it is refused (401)")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		links.revoke(actor, id);
		return ResponseEntity.noContent().build();
	}
}
