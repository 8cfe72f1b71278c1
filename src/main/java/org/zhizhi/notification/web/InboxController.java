package org.zhizhi.notification.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.notification.Inbox;
import org.zhizhi.notification.InboxMessage;
import org.zhizhi.shared.Actor;

/** The inbox page (消息): the user's messages with their links, and marking them read. */
@Controller
@RequestMapping("/inbox")
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<InboxMessage> messages = inbox.page(actor, unread, page);
		boolean hasNext = messages.size() > Inbox.PAGE_SIZE;
		model.addAttribute("messages", hasNext ? messages.subList(0, Inbox.PAGE_SIZE) : messages);
		model.addAttribute("unread", unread);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("hasNext", hasNext);
		return "notification/inbox";
	}

	/**
	 * Opening a message marks it read and follows its link: one tap on a phone both clears the badge and leads to the
	 * work. A message without a link leads back to the inbox.
	 */
	@PostMapping("/{id}/open")
	String open(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		InboxMessage message = inbox.markRead(actor, id);
		return "redirect:" + (message.link() == null ? "/inbox" : message.link());
	}

	@PostMapping("/read-all")
	String readAll(@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		inbox.markAllRead(actor);
		redirect.addFlashAttribute("notice", "inbox.allRead");
		return "redirect:/inbox";
	}
}
