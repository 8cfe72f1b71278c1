package org.zhizhi.dashboard.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Searchable;
import org.zhizhi.shared.Searchable.Found;

/**
 * The header's search (全局搜索): asks every module what it finds for the person and shows the answers grouped by
 * kind, in the modules' order, each a link to its page. It knows no module: each answers for its own rules, scope and
 * masks ({@link Searchable}). Too short or too long a text asks nobody and says why.
 */
@Controller
class SearchController {

	/** Shown per kind; one more is asked for, to tell that there are more than these. */
	static final int PER_KIND = 10;

	private final List<Searchable> modules;

	SearchController(List<Searchable> modules) {
		this.modules = modules;
	}

	/** One kind's results: its message key, the first {@link #PER_KIND}, and whether there were more. */
	record Group(String kindKey, List<Found> items, boolean more) {
	}

	@GetMapping("/search")
	String search(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q, Model model) {
		String text = Searchable.Query.normalize(q);
		List<Searchable> mine = modules.stream().filter(m -> m.searchesFor(actor)).toList();
		model.addAttribute("q", text);
		model.addAttribute("searchable", !mine.isEmpty());
		model.addAttribute("groups", List.of());
		int length = text.codePointCount(0, text.length());
		if (text.isEmpty() || mine.isEmpty()) {
			return "dashboard/search";
		}
		if (length < Searchable.MIN_LENGTH || length > Searchable.MAX_LENGTH) {
			model.addAttribute("hint", length < Searchable.MIN_LENGTH ? "search.tooShort" : "search.tooLong");
			return "dashboard/search";
		}
		Searchable.Query query = new Searchable.Query(text);
		Map<String, List<Found>> byKind = new LinkedHashMap<>();
		for (Searchable module : mine) {
			for (Found found : module.find(actor, query, PER_KIND + 1)) {
				byKind.computeIfAbsent(found.kindKey(), k -> new ArrayList<>()).add(found);
			}
		}
		List<Group> groups = new ArrayList<>();
		byKind.forEach((kind, found) -> groups.add(new Group(kind, found.stream().limit(PER_KIND).toList(),
				found.size() > PER_KIND)));
		model.addAttribute("groups", groups);
		model.addAttribute("total", groups.stream().mapToInt(g -> g.items().size()).sum());
		model.addAttribute("more", groups.stream().anyMatch(Group::more));
		return "dashboard/search";
	}
}
