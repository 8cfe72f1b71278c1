package org.zhizhi.people.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.zhizhi.people.Gender;
import org.zhizhi.people.ImportReports;
import org.zhizhi.people.LedgerRole;
import org.zhizhi.people.NewEmploymentKind;
import org.zhizhi.people.PeopleManagement;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.PeopleRoles;
import org.zhizhi.people.PeopleViews.AddResident;
import org.zhizhi.people.PeopleViews.AssignLedgerRole;
import org.zhizhi.people.PeopleViews.MoveHouse;
import org.zhizhi.people.PeopleViews.MoveOut;
import org.zhizhi.people.PeopleViews.RegisterHousehold;
import org.zhizhi.people.PeopleViews.ResidentSearch;
import org.zhizhi.people.Relation;
import org.zhizhi.people.ResidentImports;
import org.zhizhi.people.ResidentTag;
import org.zhizhi.people.Tenure;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceQueries;

/** The pages of residents and households: search, detail with the audited full view, forms, import and ledgers. */
@Controller
class PeopleController {

	private final PeopleQueries queries;

	private final PeopleManagement management;

	private final ResidentImports imports;

	private final MessageSource messages;

	private final OrgUnitQueries orgUnits;

	private final PlaceQueries places;

	private final Clock clock;

	private final ZoneId zone;

	private final ResidentJobs jobs;

	private final ImportReports reports;

	PeopleController(PeopleQueries queries, PeopleManagement management, ResidentImports imports,
			MessageSource messages, OrgUnitQueries orgUnits, PlaceQueries places, Clock clock, ZoneId zone,
			ResidentJobs jobs, ImportReports reports) {
		this.jobs = jobs;
		this.reports = reports;
		this.clock = clock;
		this.zone = zone;
		this.places = places;
		this.queries = queries;
		this.management = management;
		this.imports = imports;
		this.messages = messages;
		this.orgUnits = orgUnits;
	}

	private static ResidentSearch search(String name, String phone, String idCardNumber, ResidentTag tag,
			UUID gridId, UUID buildingId, boolean includeMovedOut, int page) {
		return new ResidentSearch(name, phone, idCardNumber, tag, gridId, buildingId, null, includeMovedOut, page, 20);
	}

	@GetMapping("/residents")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String idCardNumber,
			@RequestParam(required = false) ResidentTag tag, @RequestParam(required = false) UUID gridId,
			@RequestParam(required = false) UUID buildingId,
			@RequestParam(defaultValue = "false") boolean includeMovedOut, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("result", queries.search(actor,
				search(name, phone, idCardNumber, tag, gridId, buildingId, includeMovedOut, page)));
		model.addAttribute("name", name);
		model.addAttribute("phone", phone);
		model.addAttribute("idCardNumber", idCardNumber);
		model.addAttribute("tag", tag);
		model.addAttribute("gridId", gridId);
		model.addAttribute("buildingId", buildingId);
		model.addAttribute("includeMovedOut", includeMovedOut);
		model.addAttribute("tags", ResidentTag.values());
		model.addAttribute("grids", orgUnits.list(actor.scope(), new OrgUnitFilter(null, null, OrgLevel.GRID)));
		model.addAttribute("mayWrite", PeopleRoles.mayWrite(actor));
		return "people/residents";
	}

	@GetMapping("/residents/export.xlsx")
	void export(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String idCardNumber,
			@RequestParam(required = false) ResidentTag tag, @RequestParam(required = false) UUID gridId,
			@RequestParam(required = false) UUID buildingId, HttpServletResponse response) throws IOException {
		ResidentSearch search = search(name, phone, idCardNumber, tag, gridId, buildingId, false, 0);
		queries.search(actor, search.withPage(0, 1));
		response.setContentType(ResidentApiController.XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"residents.xlsx\"");
		ResidentSheet.write(queries, actor, search, messages, LocaleContextHolder.getLocale(),
				response.getOutputStream());
	}

	/** The same list as {@code export.xlsx}, written in the background: a district's list takes a while. */
	@PostMapping("/residents/export")
	String exportInBackground(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String idCardNumber,
			@RequestParam(required = false) ResidentTag tag, @RequestParam(required = false) UUID gridId,
			@RequestParam(required = false) UUID buildingId) {
		ResidentSearch search = search(name, phone, idCardNumber, tag, gridId, buildingId, false, 0);
		return "redirect:/jobs/" + jobs.export(actor, search, LocaleContextHolder.getLocale());
	}

	@GetMapping("/residents/{id}")
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("resident", queries.resident(actor, id));
		model.addAttribute("versions", queries.versions(actor, id));
		model.addAttribute("mayViewFull", PeopleRoles.mayViewFull(actor));
		return "people/resident";
	}

	@PostMapping("/residents/{id}/full")
	String full(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, HttpServletRequest request,
			Model model) {
		model.addAttribute("full", queries.showFull(actor, id, request.getRemoteAddr()));
		return detail(actor, id, model);
	}

	// --- households ----------------------------------------------------------------------------------------------

	@GetMapping("/households/{id}")
	String household(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("household",
				queries.household(actor, id).orElseThrow(() -> DomainException.notFound("household")));
		model.addAttribute("members", queries.members(actor, id));
		model.addAttribute("history", queries.history(actor, id));
		model.addAttribute("mayWrite", PeopleRoles.mayWrite(actor));
		model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors")
				: FormErrors.none());
		return "people/household";
	}

	@PostMapping("/households/{id}/move")
	String move(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String toDwellingId, @RequestParam(required = false) String on,
			Model model) {
		try {
			management.moveHouse(actor, id, new MoveHouse(uuid(toDwellingId), date(on)));
			return "redirect:/households/" + id;
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			model.addAttribute("errors", FormErrors.of(e, messages));
			return household(actor, id, model);
		}
	}

	@PostMapping("/households/{id}/move-out")
	String moveOut(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String on, Model model) {
		try {
			management.moveOut(actor, id, new MoveOut(date(on)));
			return "redirect:/households/" + id;
		}
		catch (DomainException e) {
			if (e.category() != DomainException.Category.INVALID) {
				throw e;
			}
			model.addAttribute("errors", FormErrors.of(e, messages));
			return household(actor, id, model);
		}
	}

	/** With a building, its dwellings are offered to choose from; without, the dwelling id is typed or pasted. */
	@GetMapping("/households/new")
	String newHousehold(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String dwellingId,
			@RequestParam(required = false) UUID buildingId, Model model) {
		model.addAttribute("dwellings",
				buildingId == null ? List.of() : places.dwellingsOfBuilding(actor.scope(), buildingId));
		model.addAttribute("form", new HouseholdForm(dwellingId, "false", "OWNER", LocalDate.now(clock.withZone(zone)).toString()));
		model.addAttribute("errors", FormErrors.none());
		model.addAttribute("tenures", Tenure.values());
		return "people/household-form";
	}

	record HouseholdForm(String dwellingId, String registered, String tenure, String movedIn) {
	}

	@PostMapping("/households")
	String createHousehold(@AuthenticationPrincipal Actor actor, HouseholdForm form, Model model) {
		try {
			UUID id = management.registerHousehold(actor,
					new RegisterHousehold(uuidOrInvalid(form.dwellingId(), "dwellingId"),
							form.registered() == null ? null : Boolean.valueOf(form.registered()),
							enumOf(Tenure.class, form.tenure()), dateOrInvalid(form.movedIn(), "movedIn")));
			return "redirect:/households/" + id;
		}
		catch (DomainException e) {
			model.addAttribute("form", form);
			model.addAttribute("dwellings", List.of());
			model.addAttribute("errors", FormErrors.of(e, messages));
			model.addAttribute("tenures", Tenure.values());
			return "people/household-form";
		}
	}

	record ResidentForm(String householdId, String name, String gender, String idCardNumber, String phone,
			String relation, Set<String> tags, String newEmploymentKind) {

		ResidentForm {
			tags = tags == null ? Set.of() : tags;
		}
	}

	@GetMapping("/residents/new")
	String newResident(@RequestParam(required = false) String householdId, Model model) {
		return residentForm(new ResidentForm(householdId, "", "", "", "", "", Set.of(), ""), FormErrors.none(),
				model);
	}

	private String residentForm(ResidentForm form, FormErrors errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("genders", Gender.values());
		model.addAttribute("relations", Relation.values());
		model.addAttribute("tags", ResidentTag.values());
		model.addAttribute("kinds", NewEmploymentKind.values());
		return "people/resident-form";
	}

	@PostMapping("/residents")
	String createResident(@AuthenticationPrincipal Actor actor, ResidentForm form, Model model) {
		try {
			Set<ResidentTag> tags = EnumSet.noneOf(ResidentTag.class);
			for (String tag : form.tags()) {
				ResidentTag parsed = enumOf(ResidentTag.class, tag);
				if (parsed != null) {
					tags.add(parsed);
				}
			}
			UUID id = management.addResident(actor,
					new AddResident(uuidOrInvalid(form.householdId(), "householdId"), form.name(),
							enumOf(Gender.class, form.gender()), null, form.idCardNumber(), form.phone(),
							enumOf(Relation.class, form.relation()), tags,
							enumOf(NewEmploymentKind.class, form.newEmploymentKind())));
			return "redirect:/residents/" + id;
		}
		catch (DomainException e) {
			return residentForm(form, FormErrors.of(e, messages), model);
		}
	}

	// --- import --------------------------------------------------------------------------------------------------

	@GetMapping("/residents/import")
	String importForm() {
		return "people/import";
	}

	/** The check runs in the background (a large sheet takes minutes); the page follows the job. */
	@PostMapping("/residents/import")
	String checkImport(@AuthenticationPrincipal Actor actor, @RequestParam("file") MultipartFile file)
			throws IOException {
		// the upload's temporary file is gone after the request: the job gets the bytes (at most the upload limit)
		return "redirect:/jobs/" + jobs.checkImport(actor, file.getBytes(), LocaleContextHolder.getLocale());
	}

	/** The report of a check run in the background: its problems, or 确认导入. */
	@GetMapping("/residents/import/checks/{id}")
	String importReport(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("report", reports.report(actor, id));
		return "people/import";
	}

	@PostMapping("/residents/import/{id}/confirm")
	String confirmImport(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("result", imports.confirm(actor, id));
		return "people/import";
	}

	// --- ledgers -------------------------------------------------------------------------------------------------

	@GetMapping("/ledgers/new-employment")
	String ledger(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) NewEmploymentKind kind,
			@RequestParam(required = false) LedgerRole role, @RequestParam(defaultValue = "0") int page, Model model) {
		var entries = queries.ledger(actor, kind, role, Math.max(0, page), 50);
		model.addAttribute("entries", entries.size() > 50 ? entries.subList(0, 50) : entries);
		model.addAttribute("hasNext", entries.size() > 50);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("kind", kind);
		model.addAttribute("role", role);
		model.addAttribute("kinds", NewEmploymentKind.values());
		model.addAttribute("roles", LedgerRole.values());
		model.addAttribute("mayWrite", PeopleRoles.mayWrite(actor));
		return "people/ledger";
	}

	@PostMapping("/ledgers/new-employment/{residentId}")
	String assignRole(@AuthenticationPrincipal Actor actor, @PathVariable UUID residentId,
			@RequestParam(required = false) String role) {
		management.assignLedgerRole(actor, residentId,
				new AssignLedgerRole(enumOf(LedgerRole.class, role), null, null));
		return "redirect:/ledgers/new-employment";
	}

	// --- parsing of form text ------------------------------------------------------------------------------------

	private static <E extends Enum<E>> E enumOf(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static UUID uuid(String text) {
		try {
			return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw DomainException.invalid(List.of(new DomainException.FieldProblem("toDwellingId",
					"people.validation.dwelling")));
		}
	}

	private static UUID uuidOrInvalid(String text, String field) {
		try {
			return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw DomainException.invalid(List.of(new DomainException.FieldProblem(field,
					field.equals("dwellingId") ? "people.validation.dwelling" : "people.validation.household")));
		}
	}

	private static LocalDate date(String text) {
		return dateOrInvalid(text, "on");
	}

	private static LocalDate dateOrInvalid(String text, String field) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw DomainException.invalid(List.of(new DomainException.FieldProblem(field, "people.import.date")));
		}
	}
}
