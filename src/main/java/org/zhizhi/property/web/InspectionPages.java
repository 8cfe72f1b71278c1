package org.zhizhi.property.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhizhi.property.InspectionAction;
import org.zhizhi.property.Inspections;
import org.zhizhi.property.PropertyCommands;
import org.zhizhi.property.PropertyCompanies;
import org.zhizhi.property.PropertyRoles;
import org.zhizhi.property.PropertyViews.FindingView;
import org.zhizhi.property.PropertyViews.InspectionView;
import org.zhizhi.property.RectificationAction;
import org.zhizhi.property.Rectifications;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;

/**
 * 月检查 on the inspector's phone: his inspections, starting this month's inspection of an estate on site, the
 * checklist of the template's on-site criteria (a failed one recorded with a note, a photo and the phone's position),
 * submitting it, and the rectifications raised with the inspector's check. What a button offers comes from the
 * module's policies ({@code allowedActions}), never from the template.
 */
@Controller
class InspectionPages {

	private final Inspections inspections;

	private final Rectifications rectifications;

	private final PropertyCompanies companies;

	private final MessageSource messages;

	private final ZoneId zone;

	private final java.time.Clock clock;

	InspectionPages(Inspections inspections, Rectifications rectifications, PropertyCompanies companies,
			MessageSource messages, ZoneId zone, java.time.Clock clock) {
		this.inspections = inspections;
		this.rectifications = rectifications;
		this.companies = companies;
		this.messages = messages;
		this.zone = zone;
		this.clock = clock;
	}

	@GetMapping("/m/property")
	String home(@AuthenticationPrincipal Actor actor, Model model) {
		var mine = inspections.mine(actor, 200);
		YearMonth month = YearMonth.now(clock.withZone(zone));
		// the estates he has inspected this month (an open inspection counts): offered again, but marked
		Set<UUID> inspected = mine.stream()
			.filter(i -> i.state() != org.zhizhi.property.InspectionState.CANCELLED
					&& YearMonth.from(i.startedAt().atZone(zone)).equals(month))
			.map(InspectionView::estateId)
			.collect(Collectors.toSet());
		model.addAttribute("mine", mine.stream().limit(30).toList());
		model.addAttribute("mayStart", PropertyRoles.mayInspect(actor));
		model.addAttribute("estates", PropertyRoles.mayInspect(actor) ? companies.running(actor) : java.util.List.of());
		model.addAttribute("inspected", inspected);
		model.addAttribute("month", month.getMonthValue());
		model.addAttribute("openOrders", rectifications.list(actor, null, null).stream()
			.filter(r -> r.state() == org.zhizhi.property.RectificationState.ISSUED
					|| r.state() == org.zhizhi.property.RectificationState.ANSWERED)
			.count());
		return "property/m-home";
	}

	@PostMapping("/m/property/inspections")
	String start(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID companyId,
			@RequestParam(required = false) UUID estateId, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng, RedirectAttributes redirect) {
		try {
			InspectionView started = inspections.start(actor,
					new PropertyCommands.StartInspection(companyId, estateId, lat, lng));
			redirect.addFlashAttribute("notice", "property.notice.started");
			return "redirect:/m/property/inspections/" + started.id();
		}
		catch (DomainException e) {
			if (e.category() == DomainException.Category.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("stepProblems", FormErrors.stepMessages(e, messages,
					"property.inspectionStateWord.", "property.inspectionStep."));
			return "redirect:/m/property";
		}
	}

	@GetMapping("/m/property/inspections/{id}")
	String inspection(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		InspectionView inspection = inspections.get(actor, id);
		Map<String, FindingView> findings = inspection.findings().stream()
			.collect(Collectors.toMap(FindingView::criterionCode, Function.identity(), (a, b) -> a,
					LinkedHashMap::new));
		model.addAttribute("inspection", inspection);
		model.addAttribute("checklist", inspections.template().checklist());
		model.addAttribute("findings", findings);
		model.addAttribute("mayRecord", inspection.allowedActions().contains(InspectionAction.RECORD_FINDING));
		model.addAttribute("maySubmit", inspection.allowedActions().contains(InspectionAction.SUBMIT));
		model.addAttribute("mayCancel", inspection.allowedActions().contains(InspectionAction.CANCEL));
		model.addAttribute("orders", inspection.state() == org.zhizhi.property.InspectionState.SUBMITTED
				? rectifications.list(actor, null, id) : java.util.List.of());
		return "property/m-inspection";
	}

	@PostMapping("/m/property/inspections/{id}/findings")
	String finding(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String criterionCode, @RequestParam(required = false) String note,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
			@RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect) {
		byte[] bytes = bytesOf(photo);
		redirect.addFlashAttribute("criterion", criterionCode);
		String back = "/m/property/inspections/" + id + (criterionCode == null ? "" : "#c-" + criterionCode);
		return step(redirect, back, "property.notice.findingRecorded", "property.inspectionStateWord.",
				"property.inspectionStep.", () -> inspections.recordFinding(actor, id,
						new PropertyCommands.RecordFinding(criterionCode, note, lat, lng), bytes));
	}

	@PostMapping("/m/property/inspections/{id}/submit")
	String submit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/m/property/inspections/" + id, "property.notice.submitted",
				"property.inspectionStateWord.", "property.inspectionStep.", () -> inspections.submit(actor, id));
	}

	@PostMapping("/m/property/inspections/{id}/cancel")
	String cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
		return step(redirect, "/m/property/inspections/" + id, "property.notice.cancelled",
				"property.inspectionStateWord.", "property.inspectionStep.", () -> inspections.cancel(actor, id));
	}

	@GetMapping(value = "/m/property/findings/{findingId}/photo", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal Actor actor, @PathVariable UUID findingId) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.body(inspections.photo(actor, findingId).orElseThrow(() -> DomainException.notFound("photo")));
	}

	@GetMapping("/m/property/rectifications")
	String rectifications(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("orders", rectifications.list(actor, null, null));
		return "property/m-rectifications";
	}

	@GetMapping("/m/property/rectifications/{id}")
	String rectification(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		var order = rectifications.get(actor, id);
		model.addAttribute("order", order);
		model.addAttribute("mayPass", order.allowedActions().contains(RectificationAction.PASS));
		model.addAttribute("maySendBack", order.allowedActions().contains(RectificationAction.SEND_BACK));
		return "property/m-rectification";
	}

	@PostMapping("/m/property/rectifications/{id}/check")
	String check(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Boolean passed, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return step(redirect, "/m/property/rectifications/" + id,
				Boolean.TRUE.equals(passed) ? "property.notice.passed" : "property.notice.sentBack",
				"property.rectificationStateWord.", "property.rectificationStep.",
				() -> rectifications.check(actor, id, new PropertyCommands.CheckRectification(passed, note)));
	}

	private static byte[] bytesOf(MultipartFile photo) {
		try {
			return photo == null || photo.isEmpty() ? null : photo.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String step(RedirectAttributes redirect, String back, String notice, String statePrefix,
			String stepPrefix, Runnable command) {
		return FormErrors.step(redirect, back, notice, command, messages, statePrefix, stepPrefix);
	}
}
