package org.zhizhi.partnership.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;
import org.zhizhi.partnership.meeting.MeetingCommands.AddAgendaItem;
import org.zhizhi.partnership.meeting.MeetingCommands.Cancel;
import org.zhizhi.partnership.meeting.MeetingCommands.Hold;
import org.zhizhi.partnership.meeting.MeetingCommands.Minute;
import org.zhizhi.partnership.meeting.MeetingCommands.RecordAttendance;
import org.zhizhi.partnership.meeting.MeetingCommands.Reschedule;
import org.zhizhi.partnership.meeting.MeetingCommands.ScheduleMeeting;
import org.zhizhi.partnership.meeting.MeetingCommands.TakeDecision;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.shared.CommandShape;

/** The shape of each meeting step's command, without Spring, told with the fields and messages the API always used. */
class MeetingCommandsTests {

	private static final CommandShape SHAPE = new CommandShape(
			Validation.buildDefaultValidatorFactory().getValidator());

	private static final List<Class<?>> COMMANDS = List.of(ScheduleMeeting.class, Reschedule.class, Cancel.class,
			Hold.class, Minute.class, AddAgendaItem.class, RecordAttendance.class, TakeDecision.class);

	private static List<String> fields(Object command) {
		return SHAPE.problems(command).stream().map(p -> p.field() + ":" + p.messageKey()).toList();
	}

	@Test
	void whatEachStepRequires() {
		assertThat(fields(new ScheduleMeeting(null, null, null, null, null))).containsExactly("kind:validation.required",
				"scheduledAt:validation.required");
		assertThat(fields(new Reschedule(null, "新地点"))).containsExactly("scheduledAt:validation.required");
		assertThat(fields(new Cancel("　"))).as("full-width blanks are no reason").containsExactly(
				"reason:validation.required");
		assertThat(fields(new Minute(null))).containsExactly("minutes:validation.required");
		assertThat(fields(new Hold(null))).isEmpty();
		assertThat(fields(new AddAgendaItem(null, null, null, null))).as("a TEXT item's title is the step's rule")
			.isEmpty();
		assertThat(fields(new RecordAttendance(null, null, null, null))).containsExactly("kind:validation.required");
		assertThat(fields(new TakeDecision(null, null, null, null, null))).containsExactly("text:validation.required",
				"ownerKind:validation.required", "dueOn:validation.required");
		assertThat(fields(new TakeDecision("事项", RefKind.UNIT, null, "木洞小学", LocalDate.now().plusMonths(1))))
			.isEmpty();
	}

	@Test
	void textIsBoundedAndTheMessageNamesTheBound() {
		String long201 = "字".repeat(MeetingCommands.MAX_TITLE + 1);
		// a time the plausible-date rule accepts (the validator's clock here is the system's), so only the text speaks
		assertThat(fields(new ScheduleMeeting(null, MeetingKind.QUARTERLY, long201, Instant.now(), long201)))
			.containsExactly("title:meeting.tooLong", "place:meeting.tooLong");
		assertThat(SHAPE.problems(new Cancel("字".repeat(MeetingCommands.MAX_NOTE + 1))).get(0).args())
			.containsExactly(MeetingCommands.MAX_NOTE);
		assertThat(fields(new Minute("字".repeat(MeetingCommands.MAX_MINUTES)))).isEmpty();
		assertThat(fields(new RecordAttendance(RefKind.PERSON, null, "字".repeat(MeetingCommands.MAX_NAME + 1), null)))
			.containsExactly("name:meeting.tooLong");
	}

	@Test
	void everyMessageOfEveryCommandIsInBothBundles() throws Exception {
		Properties zh = load("/messages_zh_CN.properties");
		Properties en = load("/messages_en.properties");
		List<String> keys = new ArrayList<>();
		for (Class<?> command : COMMANDS) {
			for (var component : command.getRecordComponents()) {
				Stream.of(command.getDeclaredField(component.getName()).getAnnotations())
					.map(MeetingCommandsTests::messageKey)
					.filter(Objects::nonNull)
					.forEach(keys::add);
			}
		}
		assertThat(keys).contains("validation.required", "meeting.tooLong");
		assertThat(keys).allSatisfy(key -> {
			assertThat(zh.getProperty(key)).as(key).isNotBlank();
			assertThat(en.getProperty(key)).as(key).isNotBlank();
		});
	}

	private static String messageKey(Annotation annotation) {
		try {
			String template = (String) annotation.annotationType().getMethod("message").invoke(annotation);
			return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1)
					: null;
		}
		catch (ReflectiveOperationException e) {
			return null;
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(MeetingCommandsTests.class.getResourceAsStream(name),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
