package org.zhizhi.partnership.web;

import static org.zhizhi.shared.FormValues.date;
import static org.zhizhi.shared.FormValues.decimal;
import static org.zhizhi.shared.FormValues.integer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.partnership.Agreement;
import org.zhizhi.partnership.AgreementPolicy;
import org.zhizhi.partnership.Claim;
import org.zhizhi.partnership.Claims;
import org.zhizhi.partnership.ItemCategory;
import org.zhizhi.partnership.ItemKind;
import org.zhizhi.partnership.ItemStatus;
import org.zhizhi.partnership.ListItem;
import org.zhizhi.partnership.ListItems;
import org.zhizhi.partnership.Measure;
import org.zhizhi.partnership.PartnerType;
import org.zhizhi.partnership.PartnerUnit;
import org.zhizhi.partnership.Partners;
import org.zhizhi.partnership.PartnershipCommands.Acceptance;
import org.zhizhi.partnership.PartnershipCommands.ClaimItem;
import org.zhizhi.partnership.PartnershipCommands.Completion;
import org.zhizhi.partnership.PartnershipCommands.NewAgreement;
import org.zhizhi.partnership.PartnershipCommands.NewItem;
import org.zhizhi.partnership.PartnershipCommands.NewPartner;
import org.zhizhi.partnership.PartnershipCommands.ProgressNote;
import org.zhizhi.partnership.PartnershipCommands.SendBack;
import org.zhizhi.partnership.PartnershipCommands.SignAgreement;
import org.zhizhi.partnership.PartnershipManagement;
import org.zhizhi.partnership.PartnershipManagement.StoredDocument;
import org.zhizhi.partnership.PartnershipQueries;
import org.zhizhi.partnership.PartnershipQueries.Community;
import org.zhizhi.partnership.PartnershipViews.ItemDetail;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.shared.PlausibleYear;
import org.zhizhi.shared.Role;

/**
 * The desk of 共驻共建 for community staff and unit liaisons: a community's three lists with this year's rates and the
 * publish form, one item with its pledges, matching suggestions and the delivery forms (progress and completion with
 * photos, acceptance or send-back), the partner units with their agreements, liaisons and contribution record, and the
 * red-partner ranking. What a user may do is decided by the commands ({@link Partners}, {@link ListItems},
 * {@link Claims}); the page only offers the forms that fit the item's state and the user's part, and shows a refused
 * form's reasons in Chinese.
 */
@Controller
@RequestMapping("/partnership")
class PartnershipDeskController {

	private final PartnershipManagement management;

	private final Partners partners;

	private final ListItems listItems;

	private final Claims claims;

	private final PartnershipQueries queries;

	private final ListWorkbooks workbooks;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	PartnershipDeskController(PartnershipManagement management, Partners partners, ListItems listItems, Claims claims,
			PartnershipQueries queries, ListWorkbooks workbooks, MessageSource messages, Clock clock, ZoneId zone) {
		this.management = management;
		this.partners = partners;
		this.listItems = listItems;
		this.claims = claims;
		this.queries = queries;
		this.workbooks = workbooks;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping({ "", "/" })
	String home() {
		return "redirect:/partnership/lists";
	}

	// ---- the three lists ---------------------------------------------------------------------------------------

	@GetMapping("/lists")
	String lists(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(defaultValue = "NEED") ItemKind kind, @RequestParam(defaultValue = "false") boolean all,
			@RequestParam(required = false) @PlausibleYear Integer year, Model model) {
		if (actor.has(Role.PARTNER_LIAISON) && !management.mayUse(actor)) {
			// a liaison account nobody has bound to a unit yet: tell him so rather than refuse him
			model.addAttribute("unbound", true);
			model.addAttribute("communities", List.of());
			model.addAttribute("community", null);
			return "partnership/desk-lists";
		}
		List<Community> communities = queries.communities(actor);
		Community community = chosen(communities, communityId);
		model.addAttribute("communities", communities);
		model.addAttribute("community", community);
		model.addAttribute("kind", kind);
		model.addAttribute("all", all);
		int thisYear = queries.thisYear();
		// the rates of an earlier year on request; the lists themselves are always today's
		int ratesYear = year == null || year > thisYear || year < 2000 ? thisYear : year;
		model.addAttribute("year", ratesYear);
		model.addAttribute("thisYear", thisYear);
		if (community == null) {
			// the street's or district's view: every community's year side by side, those behind first to see
			model.addAttribute("ratesByCommunity", queries.ratesByCommunity(actor, ratesYear));
			return "partnership/desk-lists";
		}
		model.addAttribute("rates", queries.rates(actor, community.id(), null, ratesYear));
		model.addAttribute("openCounts", queries.openCounts(actor, community.id()));
		// open items first, then fully claimed ones, then the finished (only when asked for): at most the list limit
		List<ListItem> ofKind = queries.items(actor, community.id(), kind, null);
		model.addAttribute("items", ofKind.stream()
			.filter(i -> all || i.status() == ItemStatus.OPEN || i.status() == ItemStatus.FULLY_CLAIMED)
			.toList());
		model.addAttribute("truncated", ofKind.size() >= PartnershipQueries.LIST_LIMIT);
		model.addAttribute("ownUnit", queries.ownUnit(actor).orElse(null));
		model.addAttribute("partners", queries.partners(actor, community.id()));
		model.addAttribute("categories", ItemCategory.values());
		model.addAttribute("measures", Measure.values());
		model.addAttribute("kinds", ItemKind.values());
		model.addAttribute("today", today());
		model.addAttribute("communityCode", queries.communityCode(community.id()).orElse(null));
		return "partnership/desk-lists";
	}

	@PostMapping("/lists")
	String publish(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(required = false) ItemKind kind, @RequestParam(required = false) UUID offeredBy,
			@RequestParam(defaultValue = "") String title, @RequestParam(required = false) ItemCategory category,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String quantity,
			@RequestParam(required = false) Measure measure, @RequestParam(defaultValue = "") String periodStart,
			@RequestParam(defaultValue = "") String periodEnd, RedirectAttributes redirect) {
		String back = "redirect:/partnership/lists?kind=" + (kind == null ? ItemKind.NEED : kind)
				+ (communityId == null ? "" : "&communityId=" + communityId);
		try {
			ListItem item = listItems.publish(actor,
					new NewItem(communityId, kind, offeredBy, title, category, description,
							decimal(quantity, "quantity"), measure, date(periodStart, "periodStart"),
							date(periodEnd, "periodEnd"), null, null));
			redirect.addFlashAttribute("notice", "partnership.desk.published");
			return "redirect:/partnership/items/" + item.id();
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("draft", new Draft(kind, offeredBy, title, category, description, quantity,
					measure, periodStart, periodEnd));
			return refused(e, redirect, back);
		}
	}

	/** What a refused publish form held, to fill it again. */
	record Draft(ItemKind kind, UUID offeredBy, String title, ItemCategory category, String description,
			String quantity, Measure measure, String periodStart, String periodEnd) implements java.io.Serializable {
	}

	@GetMapping("/lists.xlsx")
	ResponseEntity<byte[]> listsSheet(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) UUID communityId) {
		return ListWorkbooks.download(workbooks.lists(actor, communityId), "three-lists.xlsx");
	}

	// ---- one item ----------------------------------------------------------------------------------------------

	@GetMapping("/items/{id}")
	String item(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		ItemDetail detail = queries.item(actor, id);
		ListItem item = detail.item();
		UUID ownUnit = queries.ownUnit(actor).orElse(null);
		boolean staff = ownUnit == null;
		model.addAttribute("detail", detail);
		model.addAttribute("item", item);
		model.addAttribute("ownUnit", ownUnit);
		model.addAttribute("staff", staff);
		// what the user may do is the policy's answer (ItemPolicy, ClaimPolicy), the same the API gives: the page
		// shows a form only for an allowed step
		model.addAttribute("itemActions", names(detail.allowedActions()));
		boolean open = item.status() == ItemStatus.OPEN;
		if (staff) {
			model.addAttribute("partners", queries.partners(actor, item.communityId()));
			if (open && item.kind() != ItemKind.RESOURCE) {
				model.addAttribute("matches", queries.matches(actor, id));
			}
		}
		List<PledgeView> pledges = new ArrayList<>();
		for (Claim c : detail.claims()) {
			pledges.add(new PledgeView(c, detail.notes().stream().filter(n -> n.claimId().equals(c.id())).toList(),
					names(detail.actionsOn(c.id()))));
		}
		model.addAttribute("pledges", pledges);
		model.addAttribute("today", today());
		return "partnership/desk-item";
	}

	/**
	 * A pledge as the item page shows it, with its delivery notes and the names of the steps the user may take on it
	 * (a template compares names: {@code p.actions.contains('DELIVER')}).
	 */
	record PledgeView(Claim claim, List<org.zhizhi.partnership.DeliveryNote> notes, Set<String> actions) {
	}

	/** The names of allowed steps, as the templates ask for them. */
	private static Set<String> names(Set<? extends Enum<?>> actions) {
		Set<String> names = new TreeSet<>();
		actions.forEach(a -> names.add(a.name()));
		return names;
	}

	@PostMapping("/items/{id}/claim")
	String claim(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID partnerId, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String dueOn, RedirectAttributes redirect) {
		return onItem(id, redirect, () -> {
			var result = claims.claim(actor, id,
					new ClaimItem(partnerId, decimal(amount, "amount"), date(dueOn, "dueOn")));
			return result.created() ? "partnership.desk.claimed" : "partnership.desk.claimedAlready";
		});
	}

	@PostMapping("/items/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return onItem(id, redirect, () -> {
			listItems.withdraw(actor, id);
			return "partnership.desk.withdrawn";
		});
	}

	@PostMapping("/claims/{claimId}/progress")
	String progress(@AuthenticationPrincipal Actor actor, @PathVariable UUID claimId, @RequestParam UUID itemId,
			@RequestParam(defaultValue = "") String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect) {
		return onItem(itemId, redirect, () -> {
			management.withDocument(actor, bytes(photo), false,
					photoId -> claims.addProgress(actor, claimId, new ProgressNote(note, photoId)));
			return "partnership.desk.progressSaved";
		});
	}

	@PostMapping("/claims/{claimId}/complete")
	String complete(@AuthenticationPrincipal Actor actor, @PathVariable UUID claimId, @RequestParam UUID itemId,
			@RequestParam(defaultValue = "") String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo,
			@RequestParam(defaultValue = "") String valueYuan, @RequestParam(defaultValue = "") String hours,
			@RequestParam(defaultValue = "") String peopleServed, RedirectAttributes redirect) {
		return onItem(itemId, redirect, () -> {
			BigDecimal value = decimal(valueYuan, "valueYuan");
			BigDecimal h = decimal(hours, "hours");
			Integer people = integer(peopleServed, "peopleServed");
			management.withDocument(actor, bytes(photo), false,
					photoId -> claims.complete(actor, claimId, new Completion(note, photoId, value, h, people)));
			return "partnership.desk.delivered";
		});
	}

	@PostMapping("/claims/{claimId}/accept")
	String accept(@AuthenticationPrincipal Actor actor, @PathVariable UUID claimId, @RequestParam UUID itemId,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		return onItem(itemId, redirect, () -> {
			claims.accept(actor, claimId, new Acceptance(note));
			return "partnership.desk.accepted";
		});
	}

	@PostMapping("/claims/{claimId}/send-back")
	String sendBack(@AuthenticationPrincipal Actor actor, @PathVariable UUID claimId, @RequestParam UUID itemId,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		return onItem(itemId, redirect, () -> {
			claims.sendBack(actor, claimId, new SendBack(reason));
			return "partnership.desk.sentBack";
		});
	}

	/** Photos and documents of the partnership pages, for those who may see what they are attached to. */
	@GetMapping("/documents/{id}")
	ResponseEntity<byte[]> document(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		StoredDocument document = management.document(actor, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.mediaType()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.body(document.bytes());
	}

	// ---- partner units -----------------------------------------------------------------------------------------

	@GetMapping("/partners")
	String partners(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			Model model) {
		if (actor.has(Role.PARTNER_LIAISON) && !management.mayUse(actor)) {
			return "redirect:/partnership/lists";
		}
		var own = queries.ownUnit(actor);
		if (own.isPresent()) {
			return "redirect:/partnership/partners/" + own.get();
		}
		List<Community> communities = queries.communities(actor);
		Community community = chosen(communities, communityId);
		model.addAttribute("communities", communities);
		model.addAttribute("community", community);
		int year = queries.thisYear();
		model.addAttribute("year", year);
		UUID scoped = community == null ? null : community.id();
		List<PartnerUnit> partners = queries.partners(actor, scoped);
		model.addAttribute("partners", partners);
		model.addAttribute("unsigned", partners.stream().filter(p -> !p.agreementSigned()).count());
		model.addAttribute("ranking", queries.ranking(actor, scoped, year));
		model.addAttribute("rankingAll", queries.ranking(actor, scoped, null));
		model.addAttribute("types", PartnerType.values());
		return "partnership/desk-partners";
	}

	@PostMapping("/partners")
	String addPartner(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID communityId,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) PartnerType type,
			@RequestParam(defaultValue = "") String partyOrgName, @RequestParam(defaultValue = "") String address,
			@RequestParam(defaultValue = "") String contactName, @RequestParam(defaultValue = "") String contactPhone,
			RedirectAttributes redirect) {
		String back = "redirect:/partnership/partners" + (communityId == null ? "" : "?communityId=" + communityId);
		try {
			PartnerUnit unit = partners.addPartner(actor, new NewPartner(communityId, name, type, partyOrgName,
					address, null, null, contactName, contactPhone));
			redirect.addFlashAttribute("notice", "partnership.desk.partnerAdded");
			return "redirect:/partnership/partners/" + unit.id();
		}
		catch (DomainException e) {
			return refused(e, redirect, back);
		}
	}

	@GetMapping("/partners/{id}")
	String partner(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		PartnerUnit unit = queries.partner(actor, id);
		boolean staff = queries.ownUnit(actor).isEmpty();
		int year = queries.thisYear();
		model.addAttribute("unit", unit);
		model.addAttribute("staff", staff);
		model.addAttribute("year", year);
		List<Agreement> agreements = queries.agreements(actor, id);
		model.addAttribute("agreements", agreements);
		// the sign form only where the policy allows it (AgreementPolicy), by the agreement's id
		PartnershipManagement.Access access = management.access(actor);
		Map<UUID, Set<String>> agreementActions = new HashMap<>();
		agreements.forEach(a -> agreementActions.put(a.id(), names(AgreementPolicy.allowedActions(access, a))));
		model.addAttribute("agreementActions", agreementActions);
		model.addAttribute("claims", queries.claimsOf(actor, id));
		model.addAttribute("contribution", queries.contribution(actor, id, null));
		model.addAttribute("contributionYear", queries.contribution(actor, id, year));
		model.addAttribute("rates", queries.rates(actor, null, id, year));
		if (staff) {
			model.addAttribute("liaisons", queries.liaisons(actor, id));
			model.addAttribute("freeLiaisons", queries.freeLiaisonAccounts(actor));
		}
		model.addAttribute("today", today());
		return "partnership/desk-partner";
	}

	@PostMapping("/partners/{id}/liaisons")
	String addLiaison(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID accountId, RedirectAttributes redirect) {
		return onPartner(id, redirect, () -> {
			partners.addLiaison(actor, id, accountId);
			return "partnership.desk.liaisonAdded";
		});
	}

	@PostMapping("/partners/{id}/agreements")
	String addAgreement(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String year, @RequestParam(defaultValue = "") String commitments,
			RedirectAttributes redirect) {
		return onPartner(id, redirect, () -> {
			partners.addAgreement(actor, id, new NewAgreement(integer(year, "year"), commitments));
			return "partnership.desk.agreementDrafted";
		});
	}

	@PostMapping("/partners/{id}/agreements/{agreementId}/sign")
	String sign(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID agreementId,
			@RequestParam(name = "document", required = false) MultipartFile document,
			@RequestParam(defaultValue = "") String signedOn, RedirectAttributes redirect) {
		return onPartner(id, redirect, () -> {
			LocalDate on = date(signedOn, "signedOn");
			management.withDocument(actor, bytes(document), true,
					documentId -> partners.signAgreement(actor, agreementId, new SignAgreement(documentId, on)));
			return "partnership.desk.agreementSigned";
		});
	}

	@GetMapping("/partners/{id}/contribution.xlsx")
	ResponseEntity<byte[]> contributionSheet(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return ListWorkbooks.download(workbooks.contribution(actor, id), "contribution.xlsx");
	}

	// ---- form plumbing -----------------------------------------------------------------------------------------

	private static Community chosen(List<Community> communities, UUID communityId) {
		if (communityId != null) {
			return communities.stream()
				.filter(c -> c.id().equals(communityId))
				.findFirst()
				.orElseThrow(() -> DomainException.notFound("community"));
		}
		return communities.size() == 1 ? communities.get(0) : null;
	}

	private String onItem(UUID itemId, RedirectAttributes redirect, Supplier<String> command) {
		return on("redirect:/partnership/items/" + itemId, redirect, command);
	}

	private String onPartner(UUID partnerId, RedirectAttributes redirect, Supplier<String> command) {
		return on("redirect:/partnership/partners/" + partnerId, redirect, command);
	}

	private String on(String back, RedirectAttributes redirect, Supplier<String> command) {
		try {
			redirect.addFlashAttribute("notice", command.get());
			return back;
		}
		catch (DomainException e) {
			if (e.category() == Category.NOT_FOUND) {
				throw e;
			}
			return refused(e, redirect, back);
		}
	}

	/** The reasons of a refusal in the user's language, for the page it goes back to. */
	private String refused(DomainException e, RedirectAttributes redirect, String back) {
		redirect.addFlashAttribute("formErrors", DeskRefusals.lines(e, messages));
		return back;
	}

	private static byte[] bytes(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}
}
