package org.zhizhi.property.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.zhizhi.property.Assessments;
import org.zhizhi.property.EvaluationTemplate;
import org.zhizhi.property.Inspections;
import org.zhizhi.property.PropertyCommands;
import org.zhizhi.property.PropertyCompanies;
import org.zhizhi.property.PropertyViews;
import org.zhizhi.property.Rectifications;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.PlausibleYear;
import org.zhizhi.shared.spreadsheet.Xlsx;

/**
 * Property supervision over JSON: the register of companies, the evaluation template, monthly inspections (with a
 * finding's photo as multipart), rectifications and the inspector's check, quarterly scores and yearly ratings with
 * their Excel export.
 */
@RestController
@RequestMapping("/api/v1/property")
@Tag(name = "property")
class PropertyApiController {

	private final PropertyCompanies companies;

	private final Inspections inspections;

	private final Rectifications rectifications;

	private final Assessments assessments;

	private final MessageSource messages;

	private final java.time.Clock clock;

	private final ZoneId zone;

	PropertyApiController(PropertyCompanies companies, Inspections inspections, Rectifications rectifications,
			Assessments assessments, MessageSource messages, java.time.Clock clock, ZoneId zone) {
		this.companies = companies;
		this.inspections = inspections;
		this.rectifications = rectifications;
		this.assessments = assessments;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/companies")
	@Operation(summary = "The property companies the caller's scope sees, with their estates and latest rating")
	List<PropertyViews.CompanySummary> companies(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) String name) {
		return companies.companies(actor, name);
	}

	@PostMapping("/companies")
	@Operation(summary = "Register a property company at a district or street of the caller's scope")
	ResponseEntity<PropertyViews.Company> register(@AuthenticationPrincipal Actor actor,
			@RequestBody PropertyCommands.NewCompany body) {
		PropertyViews.Company created = companies.register(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/property/companies/" + created.id())).body(created);
	}

	@GetMapping("/companies/{id}")
	@Operation(summary = "A company with its estates, 红色管家, owners' committees, inspections, rectifications, ratings")
	PropertyViews.CompanyDetail company(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return companies.detail(actor, id, inspections.list(actor, id, 50), rectifications.list(actor, id, null));
	}

	@PostMapping("/companies/{id}/contracts")
	@Operation(summary = "The company manages an estate of the caller's scope from one day to another")
	ResponseEntity<PropertyViews.Contract> contract(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody PropertyCommands.NewContract body) {
		return ResponseEntity.status(201).body(companies.contract(actor, id, body));
	}

	@PostMapping("/companies/{id}/stewards")
	@Operation(summary = "A 红色管家 of the company")
	ResponseEntity<PropertyViews.Steward> steward(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody PropertyCommands.NewSteward body) {
		return ResponseEntity.status(201).body(companies.steward(actor, id, body));
	}

	@PostMapping("/committees")
	@Operation(summary = "An owners' committee (业委会) of an estate for its term; red when half or more are members")
	ResponseEntity<PropertyViews.Committee> committee(@AuthenticationPrincipal Actor actor,
			@RequestBody PropertyCommands.NewCommittee body) {
		return ResponseEntity.status(201).body(companies.committee(actor, body));
	}

	@GetMapping("/companies/{id}/quarters")
	@Operation(summary = "The company's quarterly scores of a year so far (inspections 60, handling 20, satisfaction 20)")
	List<PropertyViews.QuarterScore> quarters(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) @PlausibleYear Integer year) {
		return assessments.quarters(actor, id, year == null ? LocalDate.now(clock.withZone(zone)).getYear() : year);
	}

	@GetMapping("/templates/current")
	@Operation(summary = "The evaluation template inspections use: 三强三好, 3 classes, 52 criteria")
	EvaluationTemplate template() {
		return inspections.template();
	}

	@GetMapping("/inspections")
	@Operation(summary = "The inspections of the caller's scope (of one company, if given), newest first")
	List<PropertyViews.InspectionView> inspections(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) UUID companyId) {
		return inspections.list(actor, companyId, 200);
	}

	@PostMapping("/inspections")
	@Operation(summary = "An inspector starts a monthly inspection of an estate a company manages")
	ResponseEntity<PropertyViews.InspectionView> start(@AuthenticationPrincipal Actor actor,
			@RequestBody PropertyCommands.StartInspection body) {
		PropertyViews.InspectionView started = inspections.start(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/property/inspections/" + started.id())).body(started);
	}

	@GetMapping("/inspections/{id}")
	@Operation(summary = "An inspection with its findings, score and the caller's allowed actions")
	PropertyViews.InspectionView inspection(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return inspections.get(actor, id);
	}

	@PostMapping(value = "/inspections/{id}/findings", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The inspector records a failed criterion of the checklist with a note and the position")
	ResponseEntity<PropertyViews.InspectionView> finding(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody PropertyCommands.RecordFinding body) {
		return ResponseEntity.status(201).body(inspections.recordFinding(actor, id, body, null));
	}

	@PostMapping(value = "/inspections/{id}/findings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "A finding with its photo: the finding as JSON part 'finding', the photo as 'photo'")
	ResponseEntity<PropertyViews.InspectionView> findingWithPhoto(@AuthenticationPrincipal Actor actor,
			@PathVariable UUID id, @RequestPart("finding") PropertyCommands.RecordFinding body,
			@RequestPart(name = "photo", required = false) MultipartFile photo) throws IOException {
		return ResponseEntity.status(201)
			.body(inspections.recordFinding(actor, id, body, photo == null ? null : photo.getBytes()));
	}

	@PostMapping("/inspections/{id}/submit")
	@Operation(summary = "Submit: the score is fixed and each finding becomes a rectification in the whistle loop")
	PropertyViews.InspectionView submit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return inspections.submit(actor, id);
	}

	@PostMapping("/inspections/{id}/cancel")
	@Operation(summary = "Cancel an inspection started by mistake")
	PropertyViews.InspectionView cancel(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return inspections.cancel(actor, id);
	}

	@GetMapping("/rectifications")
	@Operation(summary = "The rectification orders of the caller's scope, open ones first")
	List<PropertyViews.RectificationView> rectifications(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) UUID companyId, @RequestParam(required = false) UUID inspectionId) {
		return rectifications.list(actor, companyId, inspectionId);
	}

	@GetMapping("/rectifications/{id}")
	@Operation(summary = "A rectification order with where its incident stands in the whistle loop")
	PropertyViews.RectificationView rectification(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return rectifications.get(actor, id);
	}

	@PostMapping("/rectifications/{id}/check")
	@Operation(summary = "The inspector's check of an answered rectification: passed, or sent back with a note")
	PropertyViews.RectificationView check(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody PropertyCommands.CheckRectification body) {
		return rectifications.check(actor, id, body);
	}

	@GetMapping("/ratings")
	@Operation(summary = "The yearly ratings of the companies the caller sees, the best first")
	List<PropertyViews.RatingView> ratings(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) @PlausibleYear Integer year) {
		return assessments.ratings(actor, year == null ? LocalDate.now(clock.withZone(zone)).getYear() - 1 : year);
	}

	@PostMapping("/companies/{id}/ratings")
	@Operation(summary = "Rate a company for a year from its inspected quarters (409 NOT_INSPECTED when none was; the title 红岩先锋物业 where earned)")
	ResponseEntity<PropertyViews.RatingView> rate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody PropertyCommands.RateCompany body) {
		return ResponseEntity.status(201).body(assessments.rate(actor, id, body));
	}

	@GetMapping(value = "/ratings.xlsx")
	@Operation(summary = "The yearly ratings as an Excel workbook")
	ResponseEntity<byte[]> ratingsWorkbook(@AuthenticationPrincipal Actor actor, Locale locale,
			@RequestParam(required = false) @PlausibleYear Integer year) {
		int y = year == null ? LocalDate.now(clock.withZone(zone)).getYear() - 1 : year;
		return Xlsx.download(RatingsWorkbook.of(assessments.ratings(actor, y), messages, locale),
				"property-ratings-" + y + ".xlsx");
	}
}
