package org.zhizhi.property.web;

import java.time.YearMonth;
import java.util.List;
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
import org.zhizhi.property.PaymentMethod;
import org.zhizhi.property.SelfRun;
import org.zhizhi.property.SelfRunBooks;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.shared.PlausibleYear;

/**
 * A self-run estate's fees on the pages: the guardian's phone page (his buildings' households this month, 收款 with a
 * receipt), the desk's (each building's collection with the ones below the line flagged, issuing the month's bills,
 * exemptions, spending with its voucher), and the public accounts page (month by month, no household).
 */
@Controller
class SelfRunPages {

	private final SelfRunBooks books;

	private final MessageSource messages;

	SelfRunPages(SelfRunBooks books, MessageSource messages) {
		this.books = books;
		this.messages = messages;
	}

	@GetMapping("/m/fees")
	String home(@AuthenticationPrincipal Actor actor, Model model) {
		List<SelfRun> mine = books.mine(actor);
		if (mine.size() == 1) {
			return "redirect:/m/fees/" + mine.getFirst().estateId();
		}
		model.addAttribute("estates", mine);
		return "property/fees-home";
	}

	@GetMapping("/m/fees/{estateId}")
	String fees(@AuthenticationPrincipal Actor actor, @PathVariable UUID estateId,
			@RequestParam(required = false) YearMonth month, @RequestParam(required = false) UUID building,
			Model model) {
		YearMonth shown = month == null ? books.thisMonth() : month;
		List<SelfRun.Building> buildings = books.buildings(actor, estateId);
		boolean keeps = books.keeps(actor, estateId);
		// a guardian opens on his own building, the desk on the first one
		UUID chosen = building != null ? building : buildings.stream()
			.filter(b -> actor.userId().equals(b.guardianId()))
			.map(SelfRun.Building::buildingId)
			.findFirst()
			.orElse(buildings.isEmpty() ? null : buildings.getFirst().buildingId());
		model.addAttribute("book", books.publicBook(estateId, shown.getYear()).orElseThrow());
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.isBefore(books.thisMonth()) ? shown.plusMonths(1) : null);
		model.addAttribute("buildings", buildings);
		model.addAttribute("building", chosen);
		model.addAttribute("collection", books.collection(actor, estateId, shown));
		model.addAttribute("bills", chosen == null ? List.of() : books.bills(actor, estateId, shown, chosen));
		model.addAttribute("keeps", keeps);
		model.addAttribute("exemptions", keeps ? books.exemptions(actor, estateId, shown) : List.of());
		return "property/fees";
	}

	@PostMapping("/m/fees/{estateId}/bills")
	String issue(@AuthenticationPrincipal Actor actor, @PathVariable UUID estateId,
			@RequestParam(required = false) YearMonth month, RedirectAttributes redirect) {
		YearMonth shown = month == null ? books.thisMonth() : month;
		return step(redirect, back(estateId, shown, null), "property.fees.notice.issued",
				() -> books.issueBills(actor, estateId, shown));
	}

	@PostMapping("/m/fees/{estateId}/reminders")
	String remind(@AuthenticationPrincipal Actor actor, @PathVariable UUID estateId,
			@RequestParam(required = false) YearMonth month, RedirectAttributes redirect) {
		YearMonth shown = month == null ? books.thisMonth() : month;
		SelfRunBooks.Reminded[] done = new SelfRunBooks.Reminded[1];
		String to = step(redirect, back(estateId, shown, null), "property.fees.notice.reminded",
				() -> done[0] = books.remind(actor, estateId, shown));
		if (done[0] != null) {
			redirect.addFlashAttribute("reminded", done[0]);
		}
		return to;
	}

	@PostMapping("/m/fees/{estateId}/bills/{billId}/payment")
	String pay(@AuthenticationPrincipal Actor actor, @PathVariable UUID estateId, @PathVariable UUID billId,
			@RequestParam(required = false) PaymentMethod method, @RequestParam(required = false) YearMonth month,
			@RequestParam(required = false) UUID building, RedirectAttributes redirect) {
		return step(redirect, back(estateId, month, building), "property.fees.notice.paid", () -> books.pay(actor,
				estateId, billId, new SelfRunBooks.Payment(method == null ? PaymentMethod.CASH : method)));
	}

	@PostMapping("/m/fees/{estateId}/bills/{billId}/exemption")
	String exempt(@AuthenticationPrincipal Actor actor, @PathVariable UUID estateId, @PathVariable UUID billId,
			@RequestParam(required = false) String reason, @RequestParam(required = false) YearMonth month,
			@RequestParam(required = false) UUID building, RedirectAttributes redirect) {
		return step(redirect, back(estateId, month, building), "property.fees.notice.exempted",
				() -> books.exempt(actor, estateId, billId, new SelfRunBooks.Exemption(reason)));
	}

	@PostMapping("/m/fees/{estateId}/spending")
	String spend(@AuthenticationPrincipal Actor actor, @PathVariable UUID estateId,
			@RequestParam(required = false) YearMonth month, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String description, @RequestParam(required = false) String voucher,
			RedirectAttributes redirect) {
		return step(redirect, back(estateId, month, null), "property.fees.notice.spent",
				() -> books.spend(actor, estateId, new SelfRunBooks.Spending(month, cents(amount), description,
						voucher)));
	}

	/** The public accounts of a self-run estate: its services and its money month by month, no household. */
	@GetMapping("/public/self-run/{estateId}")
	String publicBook(@PathVariable UUID estateId, @RequestParam(required = false) @PlausibleYear Integer year,
			Model model) {
		model.addAttribute("book", books.publicBook(estateId, year).orElseThrow(() -> DomainException.notFound("selfRun")));
		return "property/self-run-public";
	}

	/** Yuan as typed ("3400", "3,400.50") in cents; null when it is not a sum of money (the command says so). */
	static Long cents(String yuan) {
		if (yuan == null || yuan.isBlank()) {
			return null;
		}
		try {
			return new java.math.BigDecimal(yuan.strip().replace(",", "").replace("，", "")).movePointRight(2)
				.longValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			return -1L;
		}
	}

	private static String back(UUID estateId, YearMonth month, UUID building) {
		return "/m/fees/" + estateId + (month == null ? "" : "?month=" + month)
				+ (building == null ? "" : (month == null ? "?" : "&") + "building=" + building);
	}

	private String step(RedirectAttributes redirect, String back, String notice, Runnable command) {
		return FormErrors.step(redirect, back, notice, command, messages, "property.fees.state.",
				"property.fees.step.");
	}
}
