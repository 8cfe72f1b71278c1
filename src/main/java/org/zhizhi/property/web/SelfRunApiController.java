package org.zhizhi.property.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.property.SelfRun;
import org.zhizhi.property.SelfRunBooks;
import org.zhizhi.property.SelfRunBooks.BillView;
import org.zhizhi.property.SelfRunBooks.BuildingCollection;
import org.zhizhi.property.SelfRunBooks.PublicBook;
import org.zhizhi.property.SelfRunSetup;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.PlausibleYear;

/**
 * A self-run estate's fees over JSON (居民自管, 社区自管中心): the public book (monthly income, spending, balance — no
 * household), the month's bills and each building's collection for its guardians and the desk, issuing bills, a
 * payment with its receipt, an exemption, spending with its voucher; setting up the body, its guardians and schedule.
 */
@RestController
@RequestMapping("/api/v1/estates/{id}/fees")
@Tag(name = "property", description = "物业与自管: self-run estates' fees and public accounts")
class SelfRunApiController {

	record Guardian(UUID guardianId) {
	}

	private final SelfRunBooks books;

	private final SelfRunSetup setup;

	SelfRunApiController(SelfRunBooks books, SelfRunSetup setup) {
		this.books = books;
		this.setup = setup;
	}

	@GetMapping
	@Operation(summary = "The estate's public book of a year: its body, services, schedule, monthly income, spending"
			+ " and balance, and what the money went on — no household's amount")
	PublicBook book(@PathVariable UUID id, @RequestParam(required = false) @PlausibleYear Integer year) {
		return books.publicBook(id, year)
			.orElseThrow(() -> DomainException.notFound("selfRun"));
	}

	@PostMapping
	@Operation(summary = "The desk makes an estate of its scope self-run, covering all its buildings")
	ResponseEntity<SelfRun> create(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody SelfRunSetup.NewSelfRun body) {
		return ResponseEntity.created(URI.create("/api/v1/estates/" + id + "/fees")).body(setup.create(actor, id, body));
	}

	@PutMapping("/buildings/{buildingId}/guardian")
	@Operation(summary = "The desk names a building's guardian (守护楼员), who collects its fees")
	ResponseEntity<Void> guardian(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable UUID buildingId, @RequestBody Guardian body) {
		setup.guardian(actor, id, buildingId, body.guardianId());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/schedules")
	@Operation(summary = "The fee the residents decided, from a month on, with the deliberation topic that decided it")
	ResponseEntity<Void> schedule(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody SelfRunSetup.NewSchedule body) {
		setup.schedule(actor, id, body);
		return ResponseEntity.status(201).build();
	}

	@PostMapping("/bills")
	@Operation(summary = "The desk issues a month's bills to the households living in the covered buildings (once)")
	Map<String, Integer> issue(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam YearMonth month) {
		return Map.of("issued", books.issueBills(actor, id, month));
	}

	@PostMapping("/reminders")
	@Operation(summary = "The desk reminds the households that have not paid a month's bill (their accounts' inbox,"
			+ " once a day per bill)")
	SelfRunBooks.Reminded remind(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam YearMonth month) {
		return books.remind(actor, id, month);
	}

	@GetMapping("/bills")
	@Operation(summary = "A month's bills of a building (or all) for its guardian and the desk")
	List<BillView> bills(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam YearMonth month,
			@RequestParam(required = false) UUID buildingId) {
		return books.bills(actor, id, month, buildingId);
	}

	@PostMapping("/bills/{billId}/payment")
	@Operation(summary = "A bill paid: cash to the building's guardian (or the desk), a transfer recorded by the desk;"
			+ " answers it with its receipt number")
	BillView pay(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID billId,
			@RequestBody SelfRunBooks.Payment body) {
		return books.pay(actor, id, billId, body);
	}

	@PostMapping("/bills/{billId}/exemption")
	@Operation(summary = "A bill exempted by the body's decision, with the reason (the desk)")
	BillView exempt(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID billId,
			@RequestBody SelfRunBooks.Exemption body) {
		return books.exempt(actor, id, billId, body);
	}

	@PostMapping("/spending")
	@Operation(summary = "Money spent in a month with its voucher (wages, materials), written by the desk")
	ResponseEntity<Void> spend(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody SelfRunBooks.Spending body) {
		books.spend(actor, id, body);
		return ResponseEntity.status(201).build();
	}

	@GetMapping("/collection")
	@Operation(summary = "Each building's collection in a month; a finished month below the body's threshold flagged")
	List<BuildingCollection> collection(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam YearMonth month) {
		return books.collection(actor, id, month);
	}
}
