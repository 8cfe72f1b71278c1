package org.zhizhi.notification.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.notification.Inbox;
import org.zhizhi.notification.InboxMessage;
import org.zhizhi.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "inbox", description = "The caller's own messages: what he must do next")
class InboxApiController {

	private final Inbox inbox;

	InboxApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "The caller's messages, newest first, 20 a page; unread=true for the unread ones only")
	List<InboxMessage> list(@AuthenticationPrincipal Actor actor,
			@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page) {
		List<InboxMessage> messages = inbox.page(actor, unread, page);
		return messages.size() > Inbox.PAGE_SIZE ? messages.subList(0, Inbox.PAGE_SIZE) : messages;
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of the caller's messages are unread")
	Map<String, Long> unreadCount(@AuthenticationPrincipal Actor actor) {
		return Map.of("unread", inbox.unreadCount(actor));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of the caller's messages; another person's is not found")
	InboxMessage get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return inbox.get(actor, id);
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one of the caller's messages read; another person's is not found")
	InboxMessage read(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return inbox.markRead(actor, id);
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all of the caller's messages read; answers how many were unread")
	Map<String, Integer> readAll(@AuthenticationPrincipal Actor actor) {
		return Map.of("marked", inbox.markAllRead(actor));
	}
}
