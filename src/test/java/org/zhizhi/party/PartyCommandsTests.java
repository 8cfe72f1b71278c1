package org.zhizhi.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;
import org.zhizhi.party.AppraisalCommands.AssessBranch;
import org.zhizhi.party.AppraisalCommands.OpenAppraisal;
import org.zhizhi.party.AppraisalCommands.RecordResult;
import org.zhizhi.party.DutyCommands.NewDutyPost;
import org.zhizhi.party.DutyCommands.NewOnceShift;
import org.zhizhi.party.DutyCommands.NewWeeklyShift;
import org.zhizhi.party.MeetingCommands.CancelMeeting;
import org.zhizhi.party.MeetingCommands.HoldMeeting;
import org.zhizhi.party.MeetingCommands.RecordAttendance;
import org.zhizhi.party.MeetingCommands.ScheduleMeeting;
import org.zhizhi.shared.CommandShape;

/** The shapes of the party's duty, meeting and appraisal commands, without Spring, and their messages in both bundles. */
class PartyCommandsTests {

	private static final CommandShape SHAPE = new CommandShape(
			Validation.buildDefaultValidatorFactory().getValidator());

	private static final List<Class<?>> COMMANDS = List.of(NewDutyPost.class, NewOnceShift.class,
			NewWeeklyShift.class, ScheduleMeeting.class, RecordAttendance.class, HoldMeeting.class, CancelMeeting.class,
			OpenAppraisal.class, RecordResult.class, AssessBranch.class);

	private static List<String> fields(Object command) {
		return SHAPE.problems(command).stream().map(p -> p.field() + ":" + p.messageKey()).toList();
	}

	@Test
	void aPostNeedsItsOrganisationKindNameDutyAndGrids() {
		assertThat(fields(new NewDutyPost(null, null, " ", null, List.of()))).containsExactly(
				"orgId:validation.required", "kind:validation.required", "name:validation.required",
				"duty:validation.required", "gridIds:party.duty.gridsRequired");
		List<UUID> many = Stream.generate(UUID::randomUUID).limit(21).toList();
		assertThat(fields(new NewDutyPost(UUID.randomUUID(), DutyPostKind.MODEL_POST, "岗", "值守", many)))
			.containsExactly("name:party.length", "gridIds:party.duty.tooManyGrids");
	}

	@Test
	void shiftsNeedTheirMemberAndTimes() {
		assertThat(fields(new NewOnceShift(null, null, null))).containsExactly("memberId:validation.required",
				"startsAt:validation.required", "endsAt:validation.required");
		assertThat(fields(new NewWeeklyShift(UUID.randomUUID(), null, LocalTime.of(20, 0), null, null, null)))
			.containsExactly("dayOfWeek:validation.required", "endTime:validation.required",
					"validFrom:validation.required");
	}

	@Test
	void meetingsNeedTheirTopicPlaceTimeAndMinutesOfSubstance() {
		assertThat(fields(new ScheduleMeeting(UUID.randomUUID(), MeetingKind.THEME_DAY, "", "中", null)))
			.containsExactly("topic:validation.required", "place:party.length", "startsAt:validation.required");
		assertThat(fields(new HoldMeeting("开了会"))).containsExactly("minutes:party.length");
		assertThat(fields(new CancelMeeting(" "))).containsExactly("reason:validation.required");
		assertThat(fields(new RecordAttendance(null, null, "理".repeat(201)))).containsExactly(
				"memberId:validation.required", "present:validation.required", "absenceReason:party.length");
	}

	@Test
	void appraisalsAndAssessmentsNeedTheirBranchYearAndMarks() {
		assertThat(fields(new OpenAppraisal(null, null))).containsExactly("orgId:validation.required",
				"year:validation.required");
		assertThat(fields(new RecordResult(UUID.randomUUID(), null, null))).containsExactly("grade:validation.required");
		assertThat(fields(new AssessBranch(UUID.randomUUID(), null, Map.of()))).containsExactly(
				"year:validation.required", "marks:party.assessment.marksRequired");
	}

	@Test
	void everyMessageIsInBothBundles() throws Exception {
		Properties zh = load("/messages_zh_CN.properties");
		Properties en = load("/messages_en.properties");
		List<String> keys = new ArrayList<>();
		for (Class<?> command : COMMANDS) {
			for (var component : command.getRecordComponents()) {
				Stream.of(command.getDeclaredField(component.getName()).getAnnotations())
					.map(PartyCommandsTests::messageKey)
					.filter(Objects::nonNull)
					.forEach(keys::add);
			}
		}
		assertThat(keys).contains("validation.required", "party.length", "party.duty.gridsRequired",
				"party.assessment.marksRequired");
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

	private static Properties load(String name) throws Exception {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(PartyCommandsTests.class.getResourceAsStream(name),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
