package org.zhizhi.people;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.DataScope;
import org.zhizhi.people.PeopleViews.AddResident;
import org.zhizhi.people.PeopleViews.AssignLedgerRole;
import org.zhizhi.people.PeopleViews.BulkHousehold;
import org.zhizhi.people.PeopleViews.BulkLoadResult;
import org.zhizhi.people.PeopleViews.BulkResident;
import org.zhizhi.people.PeopleViews.CorrectResident;
import org.zhizhi.people.PeopleViews.MoveHouse;
import org.zhizhi.people.PeopleViews.MoveOut;
import org.zhizhi.people.PeopleViews.RegisterHousehold;
import org.zhizhi.people.persistence.BulkLoads;
import org.zhizhi.people.persistence.BulkLoads.EventRow;
import org.zhizhi.people.persistence.BulkLoads.HouseholdRow;
import org.zhizhi.people.persistence.BulkLoads.LedgerRow;
import org.zhizhi.people.persistence.Households;
import org.zhizhi.people.persistence.Ledgers;
import org.zhizhi.people.persistence.ResidentState;
import org.zhizhi.people.persistence.Residents;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.DwellingRef;
import org.zhizhi.territory.PlaceQueries;

/**
 * The commands on households and residents. Every change to a resident writes a new version row beside the new
 * current state, and every move a household event, in the same transaction — the history is never rewritten.
 */
@Service
@Transactional
public class PeopleManagement {

	private final Households households;

	private final Residents residents;

	private final Ledgers ledgers;

	private final BulkLoads bulkLoads;

	private final PlaceQueries places;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	private final ZoneId zone;

	PeopleManagement(Households households, Residents residents, Ledgers ledgers, BulkLoads bulkLoads,
			PlaceQueries places, PersonalDataCipher cipher, Clock clock, ZoneId zone) {
		this.households = households;
		this.residents = residents;
		this.ledgers = ledgers;
		this.bulkLoads = bulkLoads;
		this.places = places;
		this.cipher = cipher;
		this.clock = clock;
		this.zone = zone;
	}

	public UUID registerHousehold(Actor actor, RegisterHousehold command) {
		PeopleRoles.requireWrite(actor);
		List<FieldProblem> problems = new ArrayList<>();
		DwellingRef dwelling = null;
		if (command.dwellingId() == null) {
			problems.add(new FieldProblem("dwellingId", "validation.required"));
		}
		else {
			dwelling = places.dwelling(actor.scope(), command.dwellingId()).orElse(null);
			if (dwelling == null) {
				problems.add(new FieldProblem("dwellingId", "people.validation.dwelling"));
			}
		}
		if (command.registered() == null) {
			problems.add(new FieldProblem("registered", "validation.required"));
		}
		if (command.tenure() == null) {
			problems.add(new FieldProblem("tenure", "validation.required"));
		}
		if (command.movedIn() == null) {
			problems.add(new FieldProblem("movedIn", "validation.required"));
		}
		else if (command.movedIn().isAfter(today())) {
			problems.add(new FieldProblem("movedIn", "people.validation.future"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return insertHousehold(actor, dwelling, command);
	}

	UUID insertHousehold(Actor actor, DwellingRef dwelling, RegisterHousehold command) {
		UUID id = Ids.newId(clock);
		Instant now = clock.instant();
		UUID districtId = DataScope.districtOf(dwelling.scopePath());
		households.insertHousehold(id, dwelling.id(), dwelling.label(), dwelling.buildingId(), dwelling.gridId(),
				dwelling.microGridId(), command.registered(), command.tenure().name(), command.movedIn(),
				dwelling.scopePath(), districtId, now, actor.userId());
		households.insertEvent(Ids.newId(clock), id, HouseholdEventKind.MOVED_IN, command.movedIn(), null, null,
				dwelling.id(), dwelling.label(), null, dwelling.scopePath(), districtId, now, actor.userId(),
				actor.displayName());
		return id;
	}

	public UUID addResident(Actor actor, AddResident command) {
		return addResident(actor, command, "CREATED");
	}

	UUID addResident(Actor actor, AddResident command, String reason) {
		PeopleRoles.requireWrite(actor);
		List<FieldProblem> problems = validate(command, today());
		String[] placement = null;
		if (command.householdId() == null) {
			problems.add(0, new FieldProblem("householdId", "validation.required"));
		}
		else {
			placement = households.householdPlacement(actor.scope(), command.householdId()).orElse(null);
			if (placement == null) {
				problems.add(0, new FieldProblem("householdId", "people.validation.household"));
			}
			else if (command.relation() == Relation.HEAD && households.household(actor.scope(), command.householdId())
				.map(h -> h.headResidentId() != null)
				.orElse(false)) {
				problems.add(new FieldProblem("relation", "people.import.secondHead"));
			}
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		UUID districtId = UUID.fromString(placement[1]);
		String idCard = PersonalData.normalizeIdCard(command.idCardNumber());
		byte[] idHash = cipher.hash(idCard);
		if (residents.idCardTaken(districtId, idHash)) {
			throw new DomainException(Category.CONFLICT, "RESIDENT_EXISTS", "people.conflict.idCard",
					List.of(new FieldProblem("idCardNumber", "people.conflict.idCard")));
		}
		String phone = blankToNull(PersonalData.normalizePhone(command.phone()));
		UUID id = Ids.newId(clock);
		Instant now = clock.instant();
		ResidentState state = new ResidentState(id, command.householdId(), command.name().strip(),
				command.gender().name(), PersonalData.birthDateOf(idCard),
				cipher.encrypt(idCard, PersonalDataCipher.idCardContext(id)), idHash, PersonalData.maskIdCard(idCard),
				cipher.encrypt(phone, PersonalDataCipher.phoneContext(id)), cipher.hash(phone),
				PersonalData.maskPhone(phone), command.relation().name(),
				command.tags().stream().map(Enum::name).sorted().toList(),
				command.newEmploymentKind() == null ? null : command.newEmploymentKind().name(), true,
				UUID.fromString(placement[2]), UUID.fromString(placement[3]), placement[0], districtId, 1);
		residents.insertResident(state, now, actor.userId());
		residents.insertVersion(state, reason, now, actor.userId(), actor.displayName());
		// the conditional UPDATE decides between two heads added at once; the loser's transaction rolls back whole
		if (command.relation() == Relation.HEAD && !households.setHead(command.householdId(), id)) {
			throw new DomainException(Category.CONFLICT, "HEAD_EXISTS", "people.import.secondHead",
					List.of(new FieldProblem("relation", "people.import.secondHead")));
		}
		households.insertEvent(Ids.newId(clock), command.householdId(), HouseholdEventKind.MEMBER_ADDED, today(), null,
				null, null, null, id, placement[0], districtId, now, actor.userId(), actor.displayName());
		return id;
	}

	/** A correction: a new version with who and when; the ID number and birth date stay as first recorded. */
	public void correctResident(Actor actor, UUID residentId, int expectedVersion, CorrectResident command) {
		PeopleRoles.requireWrite(actor);
		ResidentState current = residents.residentState(actor.scope(), residentId)
			.orElseThrow(() -> DomainException.notFound("resident"));
		List<FieldProblem> problems = new ArrayList<>();
		validateName(command.name(), problems);
		if (command.gender() == null) {
			problems.add(new FieldProblem("gender", "validation.required"));
		}
		validatePhone(command.phone(), problems);
		if (command.relation() == null) {
			problems.add(new FieldProblem("relation", "validation.required"));
		}
		validateKind(command.tags(), command.newEmploymentKind(), problems);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		String phone = blankToNull(PersonalData.normalizePhone(command.phone()));
		ResidentState next = new ResidentState(current.id(), current.householdId(), command.name().strip(),
				command.gender().name(), current.birthDate(), current.idCardCipher(), current.idCardHash(),
				current.idCardMasked(), cipher.encrypt(phone, PersonalDataCipher.phoneContext(current.id())),
				cipher.hash(phone), PersonalData.maskPhone(phone),
				command.relation().name(), command.tags().stream().map(Enum::name).sorted().toList(),
				command.newEmploymentKind() == null ? null : command.newEmploymentKind().name(), current.active(),
				current.buildingId(), current.gridId(), current.scopePath(), current.districtId(),
				current.version() + 1);
		save(actor, next, expectedVersion, "CORRECTED");
	}

	/** The household moves to another dwelling of the caller's scope, its members with it. */
	public void moveHouse(Actor actor, UUID householdId, MoveHouse command) {
		PeopleRoles.requireWrite(actor);
		var household = households.household(actor.scope(), householdId)
			.orElseThrow(() -> DomainException.notFound("household"));
		List<FieldProblem> problems = new ArrayList<>();
		DwellingRef target = null;
		if (command.toDwellingId() == null) {
			problems.add(new FieldProblem("toDwellingId", "validation.required"));
		}
		else {
			target = places.dwelling(actor.scope(), command.toDwellingId()).orElse(null);
			if (target == null) {
				problems.add(new FieldProblem("toDwellingId", "people.validation.dwelling"));
			}
			else if (target.id().equals(household.dwellingId())) {
				problems.add(new FieldProblem("toDwellingId", "people.validation.sameDwelling"));
			}
		}
		LocalDate on = command.on() == null ? today() : command.on();
		if (on.isAfter(today()) || on.isBefore(household.movedIn())) {
			problems.add(new FieldProblem("on", "people.validation.moveDate"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		// another district's dwelling moves the rows to its partitions under the same ids (the history stays where it
		// was written); an ID number that district has registered already refuses the move (unique per district)
		UUID districtId = DataScope.districtOf(target.scopePath());
		if (household.movedOut() != null
				|| !households.moveHousehold(householdId, household.version(), target.id(), target.label(),
						target.buildingId(), target.gridId(), target.microGridId(), target.scopePath(), districtId)) {
			throw stale();
		}
		Instant now = clock.instant();
		households.insertEvent(Ids.newId(clock), householdId, HouseholdEventKind.MOVED_HOUSE, on, household.dwellingId(),
				household.dwellingLabel(), target.id(), target.label(), null, target.scopePath(), districtId, now,
				actor.userId(), actor.displayName());
		try {
			for (ResidentState r : residents.residentStatesOfHousehold(householdId)) {
				save(actor, new ResidentState(r.id(), r.householdId(), r.name(), r.gender(), r.birthDate(),
						r.idCardCipher(), r.idCardHash(), r.idCardMasked(), r.phoneCipher(), r.phoneHash(),
						r.phoneMasked(), r.relation(), r.tags(), r.newEmploymentKind(), r.active(), target.buildingId(),
						target.gridId(), target.scopePath(), districtId, r.version() + 1), r.version(),
						"MOVED_HOUSE");
			}
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(Category.CONFLICT, "RESIDENT_EXISTS", "people.conflict.idCard");
		}
	}

	/** The household leaves the district's registry; its rows stay, marked moved out, with the date. */
	public void moveOut(Actor actor, UUID householdId, MoveOut command) {
		PeopleRoles.requireWrite(actor);
		var household = households.household(actor.scope(), householdId)
			.orElseThrow(() -> DomainException.notFound("household"));
		LocalDate on = command.on() == null ? today() : command.on();
		if (on.isAfter(today()) || on.isBefore(household.movedIn())) {
			throw DomainException.invalid(List.of(new FieldProblem("on", "people.validation.moveDate")));
		}
		if (household.movedOut() != null || !households.moveOut(householdId, household.version(), on)) {
			throw stale();
		}
		String[] placement = households.householdPlacement(actor.scope(), householdId).orElseThrow();
		Instant now = clock.instant();
		households.insertEvent(Ids.newId(clock), householdId, HouseholdEventKind.MOVED_OUT, on, household.dwellingId(),
				household.dwellingLabel(), null, null, null, placement[0], UUID.fromString(placement[1]), now,
				actor.userId(), actor.displayName());
		for (ResidentState r : residents.residentStatesOfHousehold(householdId)) {
			save(actor, new ResidentState(r.id(), r.householdId(), r.name(), r.gender(), r.birthDate(),
					r.idCardCipher(), r.idCardHash(), r.idCardMasked(), r.phoneCipher(), r.phoneHash(),
					r.phoneMasked(), r.relation(), r.tags(), r.newEmploymentKind(), false, r.buildingId(),
					r.gridId(), r.scopePath(), r.districtId(), r.version() + 1), r.version(), "MOVED_OUT");
		}
	}

	public UUID assignLedgerRole(Actor actor, UUID residentId, AssignLedgerRole command) {
		PeopleRoles.requireWrite(actor);
		ResidentState resident = residents.residentState(actor.scope(), residentId)
			.orElseThrow(() -> DomainException.notFound("resident"));
		List<FieldProblem> problems = new ArrayList<>();
		if (command.role() == null) {
			problems.add(new FieldProblem("role", "validation.required"));
		}
		if (!resident.tags().contains(ResidentTag.NEW_EMPLOYMENT.name())) {
			problems.add(new FieldProblem("residentId", "people.validation.notNewEmployment"));
		}
		if (command.note() != null && command.note().length() > 200) {
			problems.add(new FieldProblem("note", "people.validation.note"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		UUID id = Ids.newId(clock);
		ledgers.insertLedgerRole(id, residentId, command.role(),
				command.startedOn() == null ? today() : command.startedOn(), blankToNull(command.note()),
				resident.scopePath(), resident.districtId(), clock.instant(), actor.userId(), actor.displayName());
		return id;
	}

	/**
	 * Registers many households with their members and ledger roles at once — the demo district, a migration. The
	 * same checks as one by one (role, dwellings in the caller's scope, every member's fields, one head per
	 * household, ID numbers unique) and the same rows: the household with its MOVED_IN event, each resident with his
	 * first version (IMPORTED) and a MEMBER_ADDED event dated the move-in, the head set on the household. Only the
	 * writing differs: JDBC batches instead of a round trip per row. All or nothing; problems of the i-th household's
	 * j-th member are named {@code households[i].members[j].field}.
	 */
	public BulkLoadResult bulkLoad(Actor actor, List<BulkHousehold> households) {
		PeopleRoles.requireWrite(actor);
		LocalDate today = today();
		List<FieldProblem> problems = new ArrayList<>();
		Map<UUID, Map<UUID, DwellingRef>> dwellingsByBuilding = new HashMap<>();
		List<DwellingRef> dwellings = new ArrayList<>(households.size());
		Set<String> idCards = new HashSet<>();
		for (int i = 0; i < households.size(); i++) {
			BulkHousehold household = households.get(i);
			String prefix = "households[" + i + "].";
			DwellingRef claimed = household.dwelling();
			DwellingRef dwelling = claimed == null ? null
					: dwellingsByBuilding
						.computeIfAbsent(claimed.buildingId(),
								b -> places.dwellingsOfBuilding(actor.scope(), b)
									.stream()
									.collect(java.util.stream.Collectors.toMap(DwellingRef::id, d -> d)))
						.get(claimed.id());
			dwellings.add(dwelling);
			if (dwelling == null) {
				problems.add(new FieldProblem(prefix + "dwellingId", "people.validation.dwelling"));
			}
			if (household.tenure() == null) {
				problems.add(new FieldProblem(prefix + "tenure", "validation.required"));
			}
			if (household.movedIn() == null) {
				problems.add(new FieldProblem(prefix + "movedIn", "validation.required"));
			}
			else if (household.movedIn().isAfter(today)) {
				problems.add(new FieldProblem(prefix + "movedIn", "people.validation.future"));
			}
			int heads = 0;
			for (int j = 0; j < household.members().size(); j++) {
				BulkResident member = household.members().get(j);
				String memberPrefix = prefix + "members[" + j + "].";
				for (FieldProblem problem : validate(asCommand(null, member), today)) {
					problems.add(new FieldProblem(memberPrefix + problem.field(), problem.messageKey(), problem.args()));
				}
				if (member.relation() == Relation.HEAD && ++heads > 1) {
					problems.add(new FieldProblem(memberPrefix + "relation", "people.import.secondHead"));
				}
				if (!idCards.add(String.valueOf(PersonalData.normalizeIdCard(member.idCardNumber())))) {
					problems.add(new FieldProblem(memberPrefix + "idCardNumber", "people.conflict.idCard"));
				}
				if (!member.ledgerRoles().isEmpty() && !member.tags().contains(ResidentTag.NEW_EMPLOYMENT)) {
					problems.add(new FieldProblem(memberPrefix + "ledgerRoles", "people.validation.notNewEmployment"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Instant now = clock.instant();
		List<HouseholdRow> householdRows = new ArrayList<>(households.size());
		List<EventRow> events = new ArrayList<>();
		List<ResidentState> residents = new ArrayList<>();
		List<LedgerRow> ledgerRows = new ArrayList<>();
		for (int i = 0; i < households.size(); i++) {
			BulkHousehold household = households.get(i);
			DwellingRef dwelling = dwellings.get(i);
			UUID householdId = Ids.newId(clock);
			UUID districtId = DataScope.districtOf(dwelling.scopePath());
			events.add(new EventRow(Ids.newId(clock), householdId, HouseholdEventKind.MOVED_IN, household.movedIn(),
					dwelling.id(), dwelling.label(), null, dwelling.scopePath(), districtId));
			UUID head = null;
			for (BulkResident member : household.members()) {
				String idCard = PersonalData.normalizeIdCard(member.idCardNumber());
				String phone = blankToNull(PersonalData.normalizePhone(member.phone()));
				UUID id = Ids.newId(clock);
				residents.add(new ResidentState(id, householdId, member.name().strip(), member.gender().name(),
						PersonalData.birthDateOf(idCard), cipher.encrypt(idCard, PersonalDataCipher.idCardContext(id)),
						cipher.hash(idCard), PersonalData.maskIdCard(idCard),
						cipher.encrypt(phone, PersonalDataCipher.phoneContext(id)), cipher.hash(phone),
						PersonalData.maskPhone(phone), member.relation().name(),
						member.tags().stream().map(Enum::name).sorted().toList(),
						member.newEmploymentKind() == null ? null : member.newEmploymentKind().name(), true,
						dwelling.buildingId(), dwelling.gridId(), dwelling.scopePath(), districtId, 1));
				events.add(new EventRow(Ids.newId(clock), householdId, HouseholdEventKind.MEMBER_ADDED,
						household.movedIn(), null, null, id, dwelling.scopePath(), districtId));
				if (member.relation() == Relation.HEAD) {
					head = id;
				}
				for (LedgerRole role : member.ledgerRoles()) {
					ledgerRows.add(new LedgerRow(Ids.newId(clock), id, role, household.movedIn(), null,
							dwelling.scopePath(), districtId));
				}
			}
			// the single path sets the head afterwards, which counts as the household's first change
			householdRows.add(new HouseholdRow(householdId, dwelling.id(), dwelling.label(), dwelling.buildingId(),
					dwelling.gridId(), dwelling.microGridId(), household.registered(), household.tenure().name(),
					household.movedIn(), head, head == null ? 0 : 1, dwelling.scopePath(), districtId));
		}
		try {
			bulkLoads.insertHouseholds(householdRows, now, actor.userId());
			bulkLoads.insertResidents(residents, now, actor.userId());
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(Category.CONFLICT, "RESIDENT_EXISTS", "people.conflict.idCard");
		}
		bulkLoads.insertVersions(residents, "IMPORTED", now, actor.userId(), actor.displayName());
		bulkLoads.insertEvents(events, now, actor.userId(), actor.displayName());
		bulkLoads.insertLedgerRoles(ledgerRows, now, actor.userId(), actor.displayName());
		return new BulkLoadResult(householdRows.size(), residents.size(), ledgerRows.size());
	}

	private static AddResident asCommand(UUID householdId, BulkResident member) {
		return new AddResident(householdId, member.name(), member.gender(), null, member.idCardNumber(),
				member.phone(), member.relation(), member.tags(), member.newEmploymentKind());
	}

	private void save(Actor actor, ResidentState next, int expectedVersion, String reason) {
		Instant now = clock.instant();
		if (!residents.updateResident(next, expectedVersion, now, actor.userId())) {
			throw stale();
		}
		residents.insertVersion(next, reason, now, actor.userId(), actor.displayName());
	}

	// --- validation, shared with the import ----------------------------------------------------------------------

	static List<FieldProblem> validate(AddResident command, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		validateName(command.name(), problems);
		if (command.gender() == null) {
			problems.add(new FieldProblem("gender", "validation.required"));
		}
		String idCard = PersonalData.normalizeIdCard(command.idCardNumber());
		if (idCard == null || idCard.isEmpty()) {
			problems.add(new FieldProblem("idCardNumber", "validation.required"));
		}
		else if (!PersonalData.isValidIdCard(idCard, today)) {
			problems.add(new FieldProblem("idCardNumber", "people.validation.idCard"));
		}
		else if (command.birthDate() != null && !command.birthDate().equals(PersonalData.birthDateOf(idCard))) {
			problems.add(new FieldProblem("birthDate", "people.validation.birthDate"));
		}
		validatePhone(command.phone(), problems);
		if (command.relation() == null) {
			problems.add(new FieldProblem("relation", "validation.required"));
		}
		validateKind(command.tags(), command.newEmploymentKind(), problems);
		return problems;
	}

	private static void validateName(String name, List<FieldProblem> problems) {
		if (name == null || name.isBlank()) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		else if (name.strip().length() > 40) {
			problems.add(new FieldProblem("name", "people.validation.name"));
		}
	}

	private static void validatePhone(String phone, List<FieldProblem> problems) {
		String normalized = PersonalData.normalizePhone(phone);
		if (normalized != null && !normalized.isEmpty() && !PersonalData.isValidMobile(normalized)) {
			problems.add(new FieldProblem("phone", "people.validation.phone"));
		}
	}

	private static void validateKind(java.util.Set<ResidentTag> tags, NewEmploymentKind kind,
			List<FieldProblem> problems) {
		boolean tagged = tags != null && tags.contains(ResidentTag.NEW_EMPLOYMENT);
		if (tagged && kind == null) {
			problems.add(new FieldProblem("newEmploymentKind", "people.validation.kindRequired"));
		}
		else if (!tagged && kind != null) {
			problems.add(new FieldProblem("newEmploymentKind", "people.validation.kindWithoutTag"));
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static DomainException stale() {
		return new DomainException(Category.CONFLICT, "STALE", "people.conflict.stale");
	}
}
