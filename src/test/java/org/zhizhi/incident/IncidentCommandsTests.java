package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException.FieldProblem;

import tools.jackson.databind.json.JsonMapper;

/**
 * The shape of each step's command, without Spring: what a request must carry whatever the incident's state, told
 * with the same fields and messages as before there were commands; and the API's one JSON body of a step read into
 * each command unchanged.
 */
class IncidentCommandsTests {

	private static final CommandShape SHAPE = new CommandShape(
			Validation.buildDefaultValidatorFactory().getValidator());

	private static final String LONG_NOTE = "字".repeat(IncidentSteps.MAX_NOTE + 1);

	private static List<String> fields(Object command) {
		return SHAPE.problems(command).stream().map(p -> p.field() + ":" + p.messageKey()).toList();
	}

	@Test
	void stepsWithoutAChoiceNeedNothingButANoteOfAtMostAThousandCharacters() {
		for (IncidentCommand none : List.of(new AcceptIncident(null, null, null), new ClaimIncident(null, null, null),
				new AnswerIncident(null, null, null), new VerifyIncident(null, null, null),
				new MovePart(null, null, null, null), new AssignIncident(null, null, null, null, null, null, null, null))) {
			assertThat(fields(none)).as(none.getClass().getSimpleName()).isEmpty();
		}
		assertThat(fields(new AcceptIncident(LONG_NOTE, null, null))).containsExactly("note:incident.noteTooLong");
		assertThat(SHAPE.problems(new VerifyIncident(LONG_NOTE, null, null)).get(0).args())
			.containsExactly(IncidentSteps.MAX_NOTE);
	}

	@Test
	void eachChoiceIsRequiredWhereItsStepMakesOne() {
		assertThat(fields(new RejectIncident(null, null, null, null))).containsExactly("reason:validation.required");
		assertThat(fields(new TriageIncident(null, null, null, null))).containsExactly("triage:validation.required");
		assertThat(fields(new WhistleIncident(null, null, null, null, null, null, null, null, null)))
			.containsExactly("type:validation.required");
		assertThat(fields(new RateIncident(null, null, null, null))).containsExactly("rating:validation.required");
		assertThat(fields(new UrgeIncident(null, null, null, null))).containsExactly("card:validation.required");
		assertThat(fields(new DecideExtension(null, null, null, null))).containsExactly("approve:validation.required");
		assertThat(fields(new RejectIncident(RejectReason.DUPLICATE, null, null, null))).isEmpty();
		// a private matter's note depends on the choice: the lifecycle's rule, not the shape's
		assertThat(fields(new TriageIncident(Triage.PRIVATE, null, null, null))).isEmpty();
		assertThat(fields(new RateIncident(Rating.UNSATISFIED, null, null, null))).isEmpty();
	}

	@Test
	void stepsThatSayWhyNeedTheirNoteWithTheirOwnMessage() {
		Map<IncidentCommand, String> withoutNote = Map.of(new HandBackIncident(" ", null, null),
				"incident.handBackNeedsReason", new ReworkIncident(null, null, null), "incident.reworkNeedsNote",
				new ReopenIncident("", null, null), "incident.reopenNeedsNote", new KeepIncidentClosed(null, null, null),
				"incident.keepClosedNeedsNote", new EscalateIncident("\u3000", null, null), "incident.escalateNeedsNote",
				new ResolveIncident(null, null, null, null), "incident.resolveNeedsNote",
				new AddNote(null, null, null, null), "incident.noteRequired");
		withoutNote.forEach((command, key) -> assertThat(fields(command)).as(command.getClass().getSimpleName())
			.containsExactly("note:" + key));
		assertThat(fields(new ReworkIncident(LONG_NOTE, null, null))).containsExactly("note:incident.noteTooLong");
	}

	@Test
	void aRatingsCommentIsItsNoteAndHasTheNotesLimit() {
		RateIncident rating = new RateIncident(Rating.UNSATISFIED, "没修好", null, null);
		assertThat(rating.note()).isEqualTo("没修好");
		assertThat(fields(new RateIncident(Rating.SATISFIED, LONG_NOTE, null, null)))
			.containsExactly("comment:incident.noteTooLong");
	}

	@Test
	void aCheckInNeedsAPositionOnEarth() {
		assertThat(fields(new CheckInOnSite(null, null, null, null))).containsExactly("lat:validation.required",
				"lng:validation.required");
		assertThat(fields(new CheckInOnSite(91.0, -181.0, null, null))).containsExactly("lat:incident.badLat",
				"lng:incident.badLng");
		assertThat(fields(new CheckInOnSite(29.4, 106.5, null, null))).isEmpty();
		// any other step may say where it was taken; if it does, the position must be one
		assertThat(fields(new ClaimIncident(null, 100.0, 106.5))).containsExactly("lat:incident.badLat");
	}

	@Test
	void anExtensionAsksOneTo720HoursAndSaysWhy() {
		for (int hours : List.of(0, 721, -5)) {
			List<FieldProblem> problems = SHAPE.problems(new RequestExtension(hours, "材料未到", null, null));
			assertThat(problems).extracting(FieldProblem::field).as("%d h", hours).containsExactly("hours");
			assertThat(problems.get(0).messageKey()).isEqualTo("incident.extensionHours");
			assertThat(problems.get(0).args()).containsExactly((long) IncidentLifecycle.MAX_EXTENSION_HOURS);
		}
		assertThat(fields(new RequestExtension(null, null, null, null))).containsExactly("hours:validation.required",
				"note:incident.extensionNeedsReason");
		assertThat(fields(new RequestExtension(720, "等待配件", null, null))).isEmpty();
	}

	@Test
	void aBatchNamesOneToFiftyIncidentsEachOnceAndACard() {
		assertThat(fields(new UrgeIncidents(null, null, null))).containsExactly("ids:validation.required",
				"card:validation.required");
		assertThat(fields(new UrgeIncidents(List.of(), UrgeCard.RED, LONG_NOTE)))
			.containsExactly("ids:validation.required", "note:incident.noteTooLong");
		List<UUID> tooMany = Stream.generate(UUID::randomUUID).limit(BatchUrging.MAX + 1).toList();
		assertThat(fields(new UrgeIncidents(tooMany, UrgeCard.YELLOW, null)))
			.containsExactly("ids:incident.batchTooLarge");
		UUID one = UUID.randomUUID();
		List<UUID> twice = new ArrayList<>(Stream.generate(UUID::randomUUID).limit(BatchUrging.MAX - 1).toList());
		twice.add(one);
		twice.add(one);
		UrgeIncidents batch = new UrgeIncidents(twice, UrgeCard.YELLOW, "抓紧");
		assertThat(batch.ids()).hasSize(BatchUrging.MAX);
		assertThat(fields(batch)).isEmpty();
		assertThat(batch.each()).isEqualTo(new UrgeIncident(UrgeCard.YELLOW, "抓紧", null, null));
	}

	@Test
	void aReportNeedsItsChannelCategoryDescriptionAndAPosition() {
		assertThat(fields(new ReportIncident(null, " ", null, null, null))).containsExactly(
				"channel:validation.required", "categoryCode:validation.required", "description:validation.required",
				"lat:validation.required", "lng:validation.required");
		List<FieldProblem> problems = SHAPE.problems(new ReportIncident(Channel.PATROL, "PUBLIC_SPACE_CLUTTER",
				"字".repeat(IncidentManagement.MAX_DESCRIPTION + 1), -91.0, 181.0));
		assertThat(problems).extracting(p -> p.field() + ":" + p.messageKey())
			.containsExactly("description:incident.descriptionTooLong", "lat:incident.badLat", "lng:incident.badLng");
		assertThat(problems.get(0).args()).containsExactly(IncidentManagement.MAX_DESCRIPTION);
		assertThat(fields(new ReportIncident(Channel.RESIDENT_APP, "X", "井盖坏了", 29.4, 106.5))).isEmpty();
	}

	@Test
	void aWhistlesDispatchKeepsItsTargetNoteAndPosition() {
		UUID unit = UUID.randomUUID();
		WhistleIncident whistle = new WhistleIncident(WhistleType.TOUGH, null, null, unit, "拆除",
				List.of(new CoUnitTask(UUID.randomUUID(), "断电")), "急", 29.4, 106.5);
		assertThat(whistle.dispatch(DispatchMode.ASSIGN)).isEqualTo(new AssignIncident(DispatchMode.ASSIGN, null, unit,
				"拆除", whistle.coUnits(), "急", 29.4, 106.5));
	}

	/** The body clients send to every step today, with every field any step reads. */
	private static final String EVERY_FIELD = """
			{"reason":"DUPLICATE","triage":"PRIVATE","type":"TOUGH","note":"说明","lat":29.4,"lng":106.5,
			 "rating":"UNSATISFIED","comment":"不满意","mode":"ASSIGN","assigneeId":"00000000-0000-0000-0000-000000000001",
			 "unitId":"00000000-0000-0000-0000-000000000002","task":"主办",
			 "coUnits":[{"unitId":"00000000-0000-0000-0000-000000000003","task":"协办"}],
			 "hours":48,"card":"RED","approve":false,"photoIds":["00000000-0000-0000-0000-000000000004"]}
			""";

	@Test
	void theOneJsonBodyOfAStepReadsIntoEachCommandTakingItsFieldsAndLeavingTheRest() {
		JsonMapper json = JsonMapper.builder().build();
		UUID photo = UUID.fromString("00000000-0000-0000-0000-000000000004");
		assertThat(json.readValue(EVERY_FIELD, RejectIncident.class))
			.isEqualTo(new RejectIncident(RejectReason.DUPLICATE, "说明", 29.4, 106.5));
		assertThat(json.readValue(EVERY_FIELD, TriageIncident.class))
			.isEqualTo(new TriageIncident(Triage.PRIVATE, "说明", 29.4, 106.5));
		assertThat(json.readValue(EVERY_FIELD, WhistleIncident.class)).isEqualTo(new WhistleIncident(WhistleType.TOUGH,
				DispatchMode.ASSIGN, UUID.fromString("00000000-0000-0000-0000-000000000001"),
				UUID.fromString("00000000-0000-0000-0000-000000000002"), "主办",
				List.of(new CoUnitTask(UUID.fromString("00000000-0000-0000-0000-000000000003"), "协办")), "说明", 29.4,
				106.5));
		assertThat(json.readValue(EVERY_FIELD, RateIncident.class))
			.isEqualTo(new RateIncident(Rating.UNSATISFIED, "不满意", 29.4, 106.5));
		assertThat(json.readValue(EVERY_FIELD, UrgeIncident.class))
			.isEqualTo(new UrgeIncident(UrgeCard.RED, "说明", 29.4, 106.5));
		assertThat(json.readValue(EVERY_FIELD, RequestExtension.class))
			.isEqualTo(new RequestExtension(48, "说明", 29.4, 106.5));
		assertThat(json.readValue(EVERY_FIELD, DecideExtension.class))
			.isEqualTo(new DecideExtension(false, "说明", 29.4, 106.5));
		assertThat(json.readValue(EVERY_FIELD, CheckInOnSite.class))
			.isEqualTo(new CheckInOnSite(29.4, 106.5, "说明", List.of(photo)));
		assertThat(json.readValue(EVERY_FIELD, ResolveIncident.class))
			.isEqualTo(new ResolveIncident("说明", List.of(photo), 29.4, 106.5));
		assertThat(json.readValue(EVERY_FIELD, AddNote.class)).isEqualTo(new AddNote("说明", List.of(photo), 29.4, 106.5));
		assertThat(json.readValue(EVERY_FIELD, MovePart.class)).isEqualTo(new MovePart("说明", List.of(photo), 29.4, 106.5));
		assertThat(json.readValue(EVERY_FIELD, AcceptIncident.class)).isEqualTo(new AcceptIncident("说明", 29.4, 106.5));
		// fields a step does not read are left, as the one body always left them
		assertThat(json.readValue("{}", WhistleIncident.class).coUnits()).isEmpty();
		assertThat(json.readValue("{}", CheckInOnSite.class).photoIds()).isEmpty();
	}

	@Test
	void everyMessageOfEveryCommandIsInBothBundles() throws Exception {
		Properties zh = load("/messages_zh_CN.properties");
		Properties en = load("/messages_en.properties");
		List<Class<?>> commands = new ArrayList<>(List.of(IncidentCommand.class.getPermittedSubclasses()));
		commands.add(UrgeIncidents.class);
		commands.add(ReportIncident.class);
		List<String> keys = new ArrayList<>();
		for (Class<?> command : commands) {
			for (RecordComponent component : command.getRecordComponents()) {
				// the constraints land on the record's fields, where the validator reads them
				Stream.of(command.getDeclaredField(component.getName()).getAnnotations())
					.map(IncidentCommandsTests::messageKey)
					.filter(java.util.Objects::nonNull)
					.forEach(keys::add);
			}
		}
		assertThat(keys).contains("validation.required", "incident.noteTooLong", "incident.badLat",
				"incident.extensionHours", "incident.batchTooLarge", "incident.descriptionTooLong");
		assertThat(keys).allSatisfy(key -> {
			assertThat(zh.getProperty(key)).as(key).isNotBlank();
			assertThat(en.getProperty(key)).as(key).isNotBlank();
		});
	}

	private static String messageKey(Annotation annotation) {
		try {
			Method message = annotation.annotationType().getMethod("message");
			String template = (String) message.invoke(annotation);
			return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1)
					: null;
		}
		catch (ReflectiveOperationException e) {
			return null;
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(IncidentCommandsTests.class.getResourceAsStream(name),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
