package org.zhizhi.people;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.jobs.LongWork;

import tools.jackson.databind.json.JsonMapper;
import org.xml.sax.SAXException;
import org.zhizhi.people.ImportWorkbook.Row;
import org.zhizhi.people.PeopleViews.AddResident;
import org.zhizhi.people.PeopleViews.RegisterHousehold;
import org.zhizhi.people.persistence.PendingImports;
import org.zhizhi.people.persistence.PendingImports.PendingImport;
import org.zhizhi.people.persistence.Residents;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.territory.DwellingRef;
import org.zhizhi.territory.PlaceQueries;

/**
 * The spreadsheet import of households and residents in two steps: the upload is read row by row (a SAX reader, so
 * the sheet is never held as a workbook) and checked completely, with a report of every problem by row and column;
 * nothing is written. Only a report without problems can be confirmed, and then everything is written in one
 * transaction — all rows or none.
 */
@Service
public class ResidentImports {

	public static final int MAX_ROWS = 20_000;

	private static final Duration KEEP_PENDING = Duration.ofMinutes(30);

	/** The columns in their usual order; the header row may order them as it likes. */
	public enum Column {
		HOUSEHOLD_NO, DWELLING_ID, REGISTERED, TENURE, MOVED_IN, NAME, GENDER, ID_CARD, PHONE, RELATION, TAGS, KIND;

		public String messageKey() {
			return "people.import.col." + name();
		}
	}

	public record ImportProblem(int row, String column, String problem) {
	}

	/** The check's answer: valid (and an id to confirm) only when no row has a problem. */
	public record ImportReport(UUID id, int rows, int households, List<ImportProblem> problems, boolean valid) {

		static ImportReport of(UUID id, int rows, int households, List<ImportProblem> problems) {
			return new ImportReport(id, rows, households, List.copyOf(problems), problems.isEmpty() && id != null);
		}
	}

	public record ImportResult(int households, int residents) {
	}

	private record PendingHousehold(DwellingRef dwelling, RegisterHousehold household, List<AddResident> residents) {
	}

	private record Pending(UUID actorId, Instant createdAt, List<PendingHousehold> households, int residents) {
	}

	private final PeopleManagement management;

	private final PlaceQueries places;

	private final Residents residents;

	private final PersonalDataCipher cipher;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	private final PendingImports pendingImports;

	private final JsonMapper json = JsonMapper.builder().build();

	ResidentImports(PeopleManagement management, PlaceQueries places, Residents residents, PersonalDataCipher cipher,
			MessageSource messages, Clock clock, ZoneId zone, PendingImports pendingImports) {
		this.pendingImports = pendingImports;
		this.management = management;
		this.places = places;
		this.residents = residents;
		this.cipher = cipher;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Reads and checks the workbook; writes nothing of it. A report without problems can then be confirmed by its id
	 * within 30 minutes: the checked rows wait, encrypted, in {@code people.pending_import}.
	 */
	@Transactional
	public ImportReport check(Actor actor, InputStream xlsx, Locale locale) {
		return check(actor, xlsx, locale, NO_PROGRESS);
	}

	private static final LongWork.Progress NO_PROGRESS = new LongWork.Progress() {

		@Override
		public void total(long total) {
		}

		@Override
		public void advance(long items) {
		}
	};

	/** {@link #check(Actor, InputStream, Locale)} telling its progress: the rows checked of the rows read. */
	@Transactional
	public ImportReport check(Actor actor, InputStream xlsx, Locale locale, LongWork.Progress progress) {
		PeopleRoles.requireWrite(actor);
		forgetExpired();
		List<ImportProblem> problems = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		try {
			ImportWorkbook.read(xlsx, headerNames(), c -> new ImportProblem(1, header(c, locale),
					message("people.import.missingColumn", locale)), rows, problems);
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
				| RuntimeException e) {
			if (e instanceof ImportWorkbook.TooManyRows) {
				problems.add(new ImportProblem(MAX_ROWS + 2, "", message("people.import.tooManyRows", locale,
						MAX_ROWS)));
			}
			else {
				problems.add(new ImportProblem(0, "", message("people.import.unreadable", locale)));
			}
			return ImportReport.of(null, 0, 0, problems);
		}
		if (!problems.isEmpty()) {
			return ImportReport.of(null, rows.size(), 0, problems);
		}
		if (rows.isEmpty()) {
			problems.add(new ImportProblem(2, "", message("people.import.empty", locale)));
		}
		progress.total(rows.size());
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Map<String, PendingHousehold> households = new LinkedHashMap<>();
		Map<String, Integer> firstRowOf = new HashMap<>();
		Map<String, Boolean> hasHead = new HashMap<>();
		Map<UUID, Optional<DwellingRef>> dwellings = new HashMap<>();
		Set<String> idCardsInFile = new HashSet<>();
		int residents = 0;
		for (Row row : rows) {
			progress.advance();
			int before = problems.size();
			String key = value(row, Column.HOUSEHOLD_NO);
			if (key == null) {
				problem(problems, row, Column.HOUSEHOLD_NO, "validation.required", locale);
				continue;
			}
			if (!households.containsKey(key)) {
				households.put(key, household(actor, row, dwellings, today, problems, locale));
				firstRowOf.put(key, row.number());
			}
			AddResident resident = resident(row, problems, locale);
			if (resident != null) {
				List<FieldProblem> fieldProblems = PeopleManagement.validate(resident, today);
				for (FieldProblem p : fieldProblems) {
					problems.add(new ImportProblem(row.number(), header(columnOf(p.field()), locale),
							message(p.messageKey(), locale, p.args())));
				}
				if (fieldProblems.isEmpty()) {
					String idCard = PersonalData.normalizeIdCard(resident.idCardNumber());
					if (!idCardsInFile.add(idCard)) {
						problem(problems, row, Column.ID_CARD, "people.import.duplicateInFile", locale);
					}
					else if (households.get(key) != null && this.residents.idCardTaken(
							DataScope.districtOf(households.get(key).dwelling().scopePath()),
							cipher.hash(idCard))) {
						problem(problems, row, Column.ID_CARD, "people.conflict.idCard", locale);
					}
				}
				if (resident.relation() == Relation.HEAD) {
					if (Boolean.TRUE.equals(hasHead.put(key, Boolean.TRUE))) {
						problem(problems, row, Column.RELATION, "people.import.secondHead", locale);
					}
				}
			}
			if (problems.size() == before && households.get(key) != null) {
				households.get(key).residents().add(resident);
				residents++;
			}
		}
		for (var entry : firstRowOf.entrySet()) {
			if (!hasHead.containsKey(entry.getKey())) {
				problems.add(new ImportProblem(entry.getValue(), header(Column.RELATION, locale),
						message("people.import.noHead", locale)));
			}
		}
		problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
		if (!problems.isEmpty()) {
			return ImportReport.of(null, rows.size(), households.size(), problems);
		}
		UUID id = Ids.newId(clock);
		byte[] payload = cipher.encrypt(json.writeValueAsString(List.copyOf(households.values())),
				PersonalDataCipher.importContext(id));
		pendingImports.insert(id, actor.userId(), clock.instant(), clock.instant().plus(KEEP_PENDING),
				households.size(), residents, payload);
		return ImportReport.of(id, rows.size(), households.size(), List.of());
	}

	/** Writes a checked import: every household and resident, or — if anything fails — nothing. */
	@Transactional
	public ImportResult confirm(Actor actor, UUID importId) {
		PeopleRoles.requireWrite(actor);
		// Taking the checked import is the DELETE itself: of two confirmations at once (on any nodes) only one gets the
		// row; if writing fails, the transaction rolls back and the import can be confirmed again.
		PendingImport taken = pendingImports.take(importId, actor.userId(), clock.instant())
			.orElseThrow(() -> DomainException.notFound("import"));
		Pending checked = new Pending(taken.actorId(), taken.createdAt(),
				List.of(json.readValue(cipher.decrypt(taken.payload(), PersonalDataCipher.importContext(importId)),
						PendingHousehold[].class)), taken.residents());
		for (PendingHousehold household : checked.households()) {
			// the dwelling must still be in the caller's scope
			DwellingRef dwelling = places.dwelling(actor.scope(), household.dwelling().id())
				.orElseThrow(() -> DomainException.invalid(
						List.of(new FieldProblem("dwellingId", "people.validation.dwelling"))));
			UUID householdId = management.insertHousehold(actor, dwelling, household.household());
			for (AddResident r : household.residents()) {
				management.addResident(actor, new AddResident(householdId, r.name(), r.gender(), r.birthDate(),
						r.idCardNumber(), r.phone(), r.relation(), r.tags(), r.newEmploymentKind()), "IMPORTED");
			}
		}
		return new ImportResult(checked.households().size(), checked.residents());
	}

	// --- reading -------------------------------------------------------------------------------------------------

	/** Sheets say the columns in Chinese, English or the code names. */
	private Map<String, Column> headerNames() {
		Map<String, Column> names = new HashMap<>();
		for (Column c : Column.values()) {
			names.put(ImportWorkbook.normalizeHeader(c.name()), c);
			for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				names.put(ImportWorkbook.normalizeHeader(messages.getMessage(c.messageKey(), null, c.name(), l)), c);
			}
		}
		return names;
	}

	private static String value(Row row, Column column) {
		String v = row.values().get(column);
		return v == null || v.isBlank() ? null : v;
	}

	private PendingHousehold household(Actor actor, Row row, Map<UUID, Optional<DwellingRef>> dwellings,
			LocalDate today, List<ImportProblem> problems, Locale locale) {
		int before = problems.size();
		DwellingRef dwelling = null;
		String dwellingText = value(row, Column.DWELLING_ID);
		if (dwellingText == null) {
			problem(problems, row, Column.DWELLING_ID, "validation.required", locale);
		}
		else {
			try {
				UUID id = UUID.fromString(dwellingText);
				dwelling = dwellings.computeIfAbsent(id, d -> places.dwelling(actor.scope(), d)).orElse(null);
			}
			catch (IllegalArgumentException e) {
				// not a UUID: the same answer as a dwelling outside the scope
			}
			if (dwelling == null) {
				problem(problems, row, Column.DWELLING_ID, "people.validation.dwelling", locale);
			}
		}
		Boolean registered = yesNo(value(row, Column.REGISTERED));
		if (registered == null) {
			problem(problems, row, Column.REGISTERED, "people.import.yesNo", locale);
		}
		Tenure tenure = parseEnum(Tenure.class, "people.tenure.", value(row, Column.TENURE));
		if (tenure == null) {
			problem(problems, row, Column.TENURE, "people.import.choice", locale);
		}
		LocalDate movedIn = parseDate(value(row, Column.MOVED_IN));
		if (movedIn == null) {
			problem(problems, row, Column.MOVED_IN, "people.import.date", locale);
		}
		else if (movedIn.isAfter(today)) {
			problem(problems, row, Column.MOVED_IN, "people.validation.future", locale);
		}
		if (problems.size() > before) {
			return null;
		}
		return new PendingHousehold(dwelling, new RegisterHousehold(dwelling.id(), registered, tenure, movedIn),
				new ArrayList<>());
	}

	private AddResident resident(Row row, List<ImportProblem> problems, Locale locale) {
		int before = problems.size();
		Gender gender = null;
		if (value(row, Column.GENDER) != null) {
			gender = parseEnum(Gender.class, "people.gender.", value(row, Column.GENDER));
			if (gender == null) {
				problem(problems, row, Column.GENDER, "people.import.choice", locale);
			}
		}
		Relation relation = null;
		if (value(row, Column.RELATION) != null) {
			relation = parseEnum(Relation.class, "people.relation.", value(row, Column.RELATION));
			if (relation == null) {
				problem(problems, row, Column.RELATION, "people.import.choice", locale);
			}
		}
		Set<ResidentTag> tags = EnumSet.noneOf(ResidentTag.class);
		String tagText = value(row, Column.TAGS);
		if (tagText != null) {
			for (String part : tagText.split("[,，、;；\\s]+")) {
				if (part.isBlank()) {
					continue;
				}
				ResidentTag tag = parseEnum(ResidentTag.class, "people.tag.", part);
				if (tag == null) {
					problem(problems, row, Column.TAGS, "people.import.tag", locale);
					break;
				}
				tags.add(tag);
			}
		}
		NewEmploymentKind kind = null;
		if (value(row, Column.KIND) != null) {
			kind = parseEnum(NewEmploymentKind.class, "people.kind.", value(row, Column.KIND));
			if (kind == null) {
				problem(problems, row, Column.KIND, "people.import.choice", locale);
			}
		}
		if (problems.size() > before) {
			return null;
		}
		return new AddResident(null, value(row, Column.NAME), gender, null, value(row, Column.ID_CARD),
				value(row, Column.PHONE), relation, tags, kind);
	}

	private <E extends Enum<E>> E parseEnum(Class<E> type, String keyPrefix, String text) {
		if (text == null) {
			return null;
		}
		String wanted = text.strip();
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(wanted)) {
				return constant;
			}
			for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				if (wanted.equalsIgnoreCase(messages.getMessage(keyPrefix + constant.name(), null, "", l))) {
					return constant;
				}
			}
		}
		return null;
	}

	private Boolean yesNo(String text) {
		if (text == null) {
			return null;
		}
		for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
			if (text.equalsIgnoreCase(messages.getMessage("people.yes", null, "", l))) {
				return true;
			}
			if (text.equalsIgnoreCase(messages.getMessage("people.no", null, "", l))) {
				return false;
			}
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "y", "1" -> true;
			case "false", "n", "0" -> false;
			default -> null;
		};
	}

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
			DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("M/d/yy"),
			DateTimeFormatter.ofPattern("yyyyMMdd"));

	static LocalDate parseDate(String text) {
		if (text == null) {
			return null;
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(text.strip(), format);
			}
			catch (DateTimeParseException e) {
				// try the next form
			}
		}
		return null;
	}

	private static Column columnOf(String field) {
		return switch (field) {
			case "name" -> Column.NAME;
			case "gender" -> Column.GENDER;
			case "idCardNumber", "birthDate" -> Column.ID_CARD;
			case "phone" -> Column.PHONE;
			case "relation" -> Column.RELATION;
			case "newEmploymentKind" -> Column.KIND;
			default -> Column.TAGS;
		};
	}

	private void problem(List<ImportProblem> problems, Row row, Column column, String key, Locale locale) {
		problems.add(new ImportProblem(row.number(), header(column, locale), message(key, locale)));
	}

	private String header(Column column, Locale locale) {
		return messages.getMessage(column.messageKey(), null, column.name(), locale);
	}

	private String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private void forgetExpired() {
		pendingImports.forgetExpired(clock.instant());
	}
}
