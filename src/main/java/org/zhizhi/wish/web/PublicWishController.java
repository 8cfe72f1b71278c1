package org.zhizhi.wish.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.zhizhi.shared.DomainException;
import org.zhizhi.wish.WishQueries;

/** The wish wall of one community for anyone, without a login: what is wished and what came true, never by whom. */
@Controller
class PublicWishController {

	private final WishQueries queries;

	PublicWishController(WishQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/public/communities/{code}/wishes")
	String wall(@PathVariable String code, Model model) {
		model.addAttribute("wall", queries.publicWall(code).orElseThrow(() -> DomainException.notFound("community")));
		return "wish/public";
	}
}
