package org.zhizhi.people.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.zhizhi.people.Gender;
import org.zhizhi.people.LedgerRole;
import org.zhizhi.people.NewEmploymentKind;
import org.zhizhi.people.PeopleManagement;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.PeopleViews.AddResident;
import org.zhizhi.people.PeopleViews.AssignLedgerRole;
import org.zhizhi.people.PeopleViews.CorrectResident;
import org.zhizhi.people.PeopleViews.HouseholdHistoryEntry;
import org.zhizhi.people.PeopleViews.HouseholdView;
import org.zhizhi.people.PeopleViews.LedgerEntry;
import org.zhizhi.people.PeopleViews.MoveHouse;
import org.zhizhi.people.PeopleViews.MoveOut;
import org.zhizhi.people.PeopleViews.RegisterHousehold;
import org.zhizhi.people.PeopleViews.ResidentFull;
import org.zhizhi.people.PeopleViews.ResidentPage;
import org.zhizhi.people.PeopleViews.ResidentSearch;
import org.zhizhi.people.PeopleViews.ResidentSummary;
import org.zhizhi.people.PeopleViews.ResidentVersionEntry;
import org.zhizhi.people.Relation;
import org.zhizhi.people.ResidentImports;
import org.zhizhi.people.ResidentImports.ImportReport;
import org.zhizhi.people.ResidentImports.ImportResult;
import org.zhizhi.people.ResidentTag;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Households, residents, the ledgers and the spreadsheet import as JSON; masked and scoped like the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "people", description = "Households, residents, new-employment ledgers, import and export")
class ResidentApiController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final PeopleQueries queries;

	private final PeopleManagement management;

	private final ResidentImports imports;

	private final MessageSource messages;

	ResidentApiController(PeopleQueries queries, PeopleManagement management, ResidentImports imports,
			MessageSource messages) {
		this.queries = queries;
		this.management = management;
		this.imports = imports;
		this.messages = messages;
	}

	record NewResident(UUID householdId, String name, Gender gender, LocalDate birthDate, String idCardNumber,
			String phone, Relation relation, Set<ResidentTag> tags, NewEmploymentKind newEmploymentKind) {
	}

	record Correction(Integer version, String name, Gender gender, String phone, Relation relation,
			Set<ResidentTag> tags, NewEmploymentKind newEmploymentKind) {
	}

	record HouseholdDetail(HouseholdView household, List<ResidentSummary> members,
			List<HouseholdHistoryEntry> history) {
	}

	@GetMapping("/residents")
	@Operation(summary = "Residents of the caller's scope by name, phone or ID number (exact), tag, grid, building")
	ResidentPage search(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String idCardNumber,
			@RequestParam(required = false) ResidentTag tag, @RequestParam(required = false) UUID gridId,
			@RequestParam(required = false) UUID buildingId, @RequestParam(required = false) UUID householdId,
			@RequestParam(defaultValue = "false") boolean includeMovedOut,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return queries.search(actor, new ResidentSearch(name, phone, idCardNumber, tag, gridId, buildingId,
				householdId, includeMovedOut, page, size));
	}

	@GetMapping(value = "/residents/export", produces = XLSX)
	@Operation(summary = "The same search as an .xlsx sheet, masked")
	void export(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String idCardNumber,
			@RequestParam(required = false) ResidentTag tag, @RequestParam(required = false) UUID gridId,
			@RequestParam(required = false) UUID buildingId, HttpServletResponse response) throws IOException {
		ResidentSearch search = new ResidentSearch(name, phone, idCardNumber, tag, gridId, buildingId, null, false, 0,
				100);
		queries.search(actor, search.withPage(0, 1)); // the role check before the first byte is written
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"residents.xlsx\"");
		ResidentSheet.write(queries, actor, search, messages, LocaleContextHolder.getLocale(),
				response.getOutputStream());
	}

	@GetMapping("/residents/{id}")
	@Operation(summary = "One resident, masked; 404 outside the caller's scope")
	ResidentSummary get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return queries.resident(actor, id);
	}

	@PostMapping("/residents/{id}/full")
	@Operation(summary = "Name, ID number and phone in full, for roles that may; written to the audit trail")
	ResidentFull full(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request) {
		return queries.showFull(actor, id, request.getRemoteAddr());
	}

	@GetMapping("/residents/{id}/versions")
	@Operation(summary = "Every recorded version of a resident, with who and when")
	List<ResidentVersionEntry> versions(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		queries.resident(actor, id);
		return queries.versions(actor, id);
	}

	@PostMapping("/residents")
	@Operation(summary = "Add a resident to a household")
	ResponseEntity<ResidentSummary> create(@AuthenticationPrincipal Actor actor, @RequestBody NewResident body) {
		UUID id = management.addResident(actor, new AddResident(body.householdId(), body.name(), body.gender(),
				body.birthDate(), body.idCardNumber(), body.phone(), body.relation(), body.tags(),
				body.newEmploymentKind()));
		return ResponseEntity.created(URI.create("/api/v1/residents/" + id)).body(queries.resident(actor, id));
	}

	@PostMapping("/residents/{id}/corrections")
	@Operation(summary = "Correct a resident: a new version, the old one kept")
	ResidentSummary correct(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody Correction body) {
		if (body.version() == null) {
			throw DomainException.invalid(List.of(new DomainException.FieldProblem("version", "validation.required")));
		}
		management.correctResident(actor, id, body.version(), new CorrectResident(body.name(), body.gender(),
				body.phone(), body.relation(), body.tags(), body.newEmploymentKind()));
		return queries.resident(actor, id);
	}

	@PostMapping("/residents/{id}/ledger-roles")
	@Operation(summary = "Record a part a new-employment worker plays (volunteer, part-time grid worker, pioneer rider)")
	ResponseEntity<Map<String, UUID>> ledgerRole(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestBody AssignLedgerRole body) {
		UUID entry = management.assignLedgerRole(actor, id, body);
		return ResponseEntity.status(201).body(Map.of("id", entry));
	}

	@GetMapping("/ledgers/new-employment")
	@Operation(summary = "The two ledgers of new-employment workers: who they are and the parts they play")
	List<LedgerEntry> ledger(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) NewEmploymentKind kind, @RequestParam(required = false) LedgerRole role,
			@RequestParam(defaultValue = "0") int page) {
		List<LedgerEntry> entries = queries.ledger(actor, kind, role, Math.max(0, page), 100);
		return entries.size() > 100 ? entries.subList(0, 100) : entries;
	}

	@PostMapping("/households")
	@Operation(summary = "Register a household in a dwelling of the caller's scope")
	ResponseEntity<HouseholdDetail> createHousehold(@AuthenticationPrincipal Actor actor,
			@RequestBody RegisterHousehold body) {
		UUID id = management.registerHousehold(actor, body);
		return ResponseEntity.created(URI.create("/api/v1/households/" + id)).body(household(actor, id));
	}

	@GetMapping("/households/{id}")
	@Operation(summary = "A household with its members and its history of moves")
	HouseholdDetail household(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		HouseholdView household = queries.household(actor, id)
			.orElseThrow(() -> DomainException.notFound("household"));
		return new HouseholdDetail(household, queries.members(actor, id), queries.history(actor, id));
	}

	@PostMapping("/households/{id}/move")
	@Operation(summary = "The household moves house to another dwelling; the old address stays in its history")
	HouseholdDetail move(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody MoveHouse body) {
		management.moveHouse(actor, id, body);
		return household(actor, id);
	}

	@PostMapping("/households/{id}/move-out")
	@Operation(summary = "The household moves out of the registry")
	HouseholdDetail moveOut(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestBody MoveOut body) {
		management.moveOut(actor, id, body);
		return household(actor, id);
	}

	@PostMapping(value = "/imports/residents", consumes = "multipart/form-data")
	@Operation(summary = "Check an .xlsx of households and residents; reports problems by row and column, writes nothing")
	ImportReport checkImport(@AuthenticationPrincipal Actor actor, @RequestPart("file") MultipartFile file)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			return imports.check(actor, in, LocaleContextHolder.getLocale());
		}
	}

	@PostMapping("/imports/residents/{id}/confirm")
	@Operation(summary = "Write a checked import, all rows or none")
	ResponseEntity<ImportResult> confirmImport(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return ResponseEntity.status(201).body(imports.confirm(actor, id));
	}
}
