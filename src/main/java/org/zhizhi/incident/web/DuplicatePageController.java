package org.zhizhi.incident.web;

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
import org.zhizhi.incident.DuplicateFinder;
import org.zhizhi.incident.PossibleDuplicate;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;

/**
 * Possible duplicates on the 随手拍 page: while the reporter picks the category and the position, the open incidents of
 * that category nearby are offered; he may follow one of them instead of reporting the same thing again, and is told
 * when it is done.
 */
@Controller
@RequestMapping("/m")
class DuplicatePageController {

	private final DuplicateFinder duplicates;

	DuplicatePageController(DuplicateFinder duplicates) {
		this.duplicates = duplicates;
	}

	/** The offer as a fragment of the report page; empty while category or position are missing or nothing is near. */
	@GetMapping("/report/nearby")
	String nearby(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String categoryCode,
			@RequestParam(defaultValue = "") String lat, @RequestParam(defaultValue = "") String lng, Model model) {
		List<PossibleDuplicate> found = List.of();
		try {
			if (!categoryCode.isBlank() && !lat.isBlank() && !lng.isBlank()) {
				found = duplicates.nearby(actor, categoryCode, Double.valueOf(lat), Double.valueOf(lng));
			}
		}
		catch (NumberFormatException | DomainException e) {
			// an unusable position or category offers nothing; the report form itself says what is wrong on submit
			found = List.of();
		}
		model.addAttribute("duplicates", found);
		return "m/nearby :: nearby";
	}

	/** Follows an open incident instead of reporting it again; a second tap is harmless. */
	@PostMapping("/incidents/{id}/join")
	String join(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			var following = duplicates.join(actor, id);
			redirect.addFlashAttribute("formNotice", "incident.joined");
			redirect.addFlashAttribute("joinedFollowers", following.followers());
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.CONFLICT) {
				throw e;
			}
			redirect.addFlashAttribute("formNotice", "incident.join.closedMeanwhile");
		}
		return "redirect:/m/report";
	}
}
