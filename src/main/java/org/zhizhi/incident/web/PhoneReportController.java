package org.zhizhi.incident.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
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
import org.zhizhi.incident.Channel;
import org.zhizhi.incident.FieldWork;
import org.zhizhi.incident.IdempotencyConflict;
import org.zhizhi.incident.IncidentDetail;
import org.zhizhi.incident.IncidentLists;
import org.zhizhi.incident.IncidentManagement;
import org.zhizhi.incident.IncidentPhotos;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentRow;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.RateIncident;
import org.zhizhi.incident.Rating;
import org.zhizhi.incident.ReportChannels;
import org.zhizhi.incident.ReportIncident;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.GridLocator;

/**
 * The phone pages of the resident and the grid worker reporting: 随手拍 (a report with photo and position, submitted
 * once however often the button is pressed), the grid at a position, and 我的上报 with the rating. Plain forms that work
 * without JavaScript; scripts only fill the position and preview the photo.
 */
@Controller
@RequestMapping("/m")
class PhoneReportController {

	/** How long a form submitted twice waits for the first submission to finish before answering with it. */
	private static final int IN_PROGRESS_RETRIES = 20;

	private static final long IN_PROGRESS_WAIT_MS = 250;

	/** An idempotency key of a form is a UUID; anything else is not from our form. */
	private static final int MAX_KEY = 64;

	private final FieldWork fieldWork;

	private final IncidentManagement management;

	private final IncidentQueries queries;

	private final IncidentLists lists;

	private final IncidentPhotos photos;

	private final IncidentPages pages;

	private final GridLocator grids;

	private final MessageSource messages;

	PhoneReportController(FieldWork fieldWork, IncidentManagement management, IncidentQueries queries,
			IncidentLists lists, IncidentPhotos photos, IncidentPages pages, GridLocator grids,
			MessageSource messages,
			java.time.Clock clock) {
		this.fieldWork = fieldWork;
		this.management = management;
		this.queries = queries;
		this.lists = lists;
		this.photos = photos;
		this.pages = pages;
		this.grids = grids;
		this.messages = messages;
	}

	/** What the report form holds, as typed (positions as text, so that a typo comes back beside its field). */
	record ReportForm(String key, String categoryCode, String description, String lat, String lng,
			boolean anonymous) {
	}

	// --- 随手拍 -----------------------------------------------------------------------------------------------------

	@GetMapping("/report")
	String reportForm(@AuthenticationPrincipal Actor actor, Model model) {
		return reportPage(actor, model, new ReportForm(UUID.randomUUID().toString(), "", "", "", "", false),
				FormErrors.none());
	}

	@PostMapping("/report")
	String report(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String key,
			@RequestParam(defaultValue = "") String categoryCode, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") String lat, @RequestParam(defaultValue = "") String lng,
			@RequestParam(defaultValue = "false") boolean anonymous,
			@RequestParam(name = "channel", required = false) Channel requested,
			@RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
			RedirectAttributes redirect) throws IOException {
		ReportForm form = new ReportForm(key, categoryCode, description, lat, lng, anonymous);
		Channel channel = ReportChannels.chosenBy(actor, requested);
		model.addAttribute("chosenChannel", channel);
		List<FieldProblem> problems = new ArrayList<>();
		try {
			Double latitude = PhoneForms.number("lat", lat, problems);
			Double longitude = PhoneForms.number("lng", lng, problems);
			if (key.isBlank() || key.length() > MAX_KEY) {
				throw new IdempotencyConflict();
			}
			ReportIncident report = new ReportIncident(channel, categoryCode.isBlank() ? null : categoryCode,
					description, latitude, longitude, actor.has(Role.RESIDENT) && anonymous ? Boolean.TRUE : null);
			byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
			UUID id = reportOnce(actor, key, report, bytes);
			redirect.addFlashAttribute("notice", "incident.reported");
			// staff entering a call or a relay go on at the desk, where they accept it next
			return actor.hasAny(IncidentPages.DESK) ? "redirect:/incidents/" + id : "redirect:/m/reports/" + id;
		}
		catch (IdempotencyConflict e) {
			// the form was sent before with other content: a fresh form, the input kept
			model.addAttribute("formNotice", "incident.form.alreadySent");
			return reportPage(actor, model, new ReportForm(UUID.randomUUID().toString(), categoryCode, description,
					lat, lng, anonymous), FormErrors.none());
		}
		catch (DomainException e) {
			if (e.category() != Category.INVALID && e.category() != Category.CONFLICT) {
				throw e;
			}
			return reportPage(actor, model, form, FormErrors.of(PhoneForms.merged(e, problems), messages));
		}
	}

	/**
	 * The same form sent twice at once (a double tap): the second waits for the first and answers the same incident,
	 * instead of telling an elderly user that "something is in progress".
	 */
	private UUID reportOnce(Actor actor, String key, ReportIncident report, byte[] photo) {
		for (int attempt = 0;; attempt++) {
			try {
				return fieldWork.report(actor, key, report, photo);
			}
			catch (DomainException e) {
				if (!"IDEMPOTENCY_IN_PROGRESS".equals(e.code()) || attempt >= IN_PROGRESS_RETRIES) {
					throw e;
				}
				try {
					Thread.sleep(IN_PROGRESS_WAIT_MS);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw e;
				}
			}
		}
	}

	private String reportPage(Actor actor, Model model, ReportForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", pages.categoriesByClass());
		model.addAttribute("channel", ReportChannels.chosenBy(actor, null));
		List<Channel> offered = ReportChannels.offeredTo(actor);
		model.addAttribute("staffChannels", offered.size() > 1 ? offered : List.of());
		if (!model.containsAttribute("chosenChannel")) {
			model.addAttribute("chosenChannel", ReportChannels.chosenBy(actor, null));
		}
		model.addAttribute("mayBeAnonymous", actor.has(Role.RESIDENT));
		model.addAttribute("gridCells", pages.gridCells(actor));
		return "m/report";
	}

	/** The grid a position falls in, shown under the position before the report is sent. */
	@GetMapping("/locate")
	String locate(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String lat,
			@RequestParam(defaultValue = "") String lng, Model model) {
		List<FieldProblem> problems = new ArrayList<>();
		Double latitude = PhoneForms.number("lat", lat, problems);
		Double longitude = PhoneForms.number("lng", lng, problems);
		String grid = null;
		if (problems.isEmpty() && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
			grid = grids.locate(actor.scope(), latitude, longitude).map(g -> g.name()).orElse(null);
		}
		model.addAttribute("located", grid);
		model.addAttribute("positioned", problems.isEmpty());
		return "m/report :: located";
	}

	// --- 我的上报 ---------------------------------------------------------------------------------------------------

	@GetMapping("/reports")
	String reports(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
		List<IncidentRow> rows = lists.myReports(actor, page);
		boolean more = rows.size() > IncidentLists.PAGE_SIZE;
		model.addAttribute("rows", more ? rows.subList(0, IncidentLists.PAGE_SIZE) : rows);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("more", more);
		return "m/reports";
	}

	@GetMapping("/reports/{id}")
	String reportDetail(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		// his own report, or one he follows (joined instead of reporting it again): he sees how it goes, rates only his
		IncidentDetail detail = queries.find(actor.scope(), id)
			.filter(d -> actor.userId().equals(d.incident().reporterId()) || queries.follows(actor, id))
			.map(d -> queries.get(actor, id))
			.orElseThrow(() -> DomainException.notFound("incident"));
		return reportDetailPage(actor, detail, model, null, FormErrors.none());
	}

	@PostMapping("/reports/{id}/rate")
	String rate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String rating, @RequestParam(defaultValue = "") String comment,
			Model model, RedirectAttributes redirect) {
		IncidentDetail detail = ownReport(actor, id);
		Rating chosen = null;
		try {
			chosen = rating == null || rating.isBlank() ? null : Rating.valueOf(rating);
		}
		catch (IllegalArgumentException e) {
			chosen = null;
		}
		try {
			management.rate(actor, id, new RateIncident(chosen, comment, null, null));
			redirect.addFlashAttribute("notice", "incident.rated");
			return "redirect:/m/reports/" + id;
		}
		catch (DomainException e) {
			if (e.category() != Category.INVALID) {
				throw e;
			}
			return reportDetailPage(actor, detail, model, new RatingForm(chosen, comment), FormErrors.of(e, messages));
		}
	}

	record RatingForm(Rating rating, String comment) {
	}

	private String reportDetailPage(Actor actor, IncidentDetail detail, Model model, RatingForm form,
			FormErrors errors) {
		IncidentView incident = detail.incident();
		model.addAttribute("incident", incident);
		model.addAttribute("lines", pages.lines(detail.timeline()));
		model.addAttribute("photoIds", photos.of(actor.scope(), incident.id()));
		model.addAttribute("gridName", pages.gridNames(actor, List.of(incident.gridId())).get(incident.gridId()));
		model.addAttribute("categoryName", pages.categoryNames().get(incident.categoryCode()));
		model.addAttribute("mayRate", incident.state() == IncidentState.CLOSED && incident.rating() == null
				&& actor.userId().equals(incident.reporterId()));
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("ratingForm", form == null ? new RatingForm(null, "") : form);
		model.addAttribute("errors", errors);
		return "m/report-detail";
	}

	/** The actor's own report; another's, even in his grid, does not exist for him here. */
	private IncidentDetail ownReport(Actor actor, UUID id) {
		return queries.find(actor.scope(), id)
			.filter(d -> actor.userId().equals(d.incident().reporterId()))
			.orElseThrow(() -> DomainException.notFound("incident"));
	}

	// --- 我的任务 ---------------------------------------------------------------------------------------------------
}
