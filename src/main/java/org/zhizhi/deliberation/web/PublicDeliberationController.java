package org.zhizhi.deliberation.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.zhizhi.deliberation.PublicEstateDeliberation;
import org.zhizhi.shared.DomainException;

/** 居务公开: an estate's decided topics, their results, execution and accounts, for anyone — aggregates only. */
@Controller
class PublicDeliberationController {

	private final PublicEstateDeliberation estates;

	PublicDeliberationController(PublicEstateDeliberation estates) {
		this.estates = estates;
	}

	@GetMapping("/public/estates/{id}/deliberation")
	String estate(@PathVariable UUID id, Model model) {
		model.addAttribute("page", estates.of(id).orElseThrow(() -> DomainException.notFound("estate")));
		return "deliberation/public";
	}
}
