package org.zhizhi.partnership.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.zhizhi.partnership.PartnershipQueries;
import org.zhizhi.shared.DomainException;

/**
 * The community's public page (公开承诺): no sign-in, its published lists, pledges, match rate and red-partner
 * ranking. The view it reads holds units and the community by name only, so no person can leak from it.
 */
@Controller
class PublicBoardController {

	private final PartnershipQueries queries;

	PublicBoardController(PartnershipQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/public/communities/{code}")
	String board(@PathVariable String code, Model model) {
		if (!code.matches("[0-9A-Za-z-]{1,32}")) {
			throw DomainException.notFound("community");
		}
		model.addAttribute("board", queries.publicBoard(code).orElseThrow(() -> DomainException.notFound("community")));
		return "partnership/public";
	}
}
