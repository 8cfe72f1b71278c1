package org.zhizhi.incident.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.zhizhi.incident.deadline.WorkingCalendarTests.at;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.incident.deadline.DeadlinePolicy.DueDates;
import org.zhizhi.incident.deadline.DeadlineProperties.Target;
import org.zhizhi.incident.deadline.DeadlineProperties.Targets;

/** The shipped deadline defaults per whistle type and category, and approved extensions, at fixed instants. */
class DeadlinePolicyTests {

	private final DeadlinePolicy policy = DeadlineDefaults.policy();

	@Test
	void anEmergencyRunsAroundTheClockEvenOnASaturdayNight() {
		DueDates due = policy.dueDates(WhistleType.EMERGENCY, "SANITATION_BLACKSPOT", at("2026-03-07T23:55"));

		assertThat(due).isEqualTo(new DueDates(at("2026-03-08T00:05"), at("2026-03-08T00:25"), at("2026-03-08T03:55")));
	}

	@Test
	void anEmergencyDuringTheNationalDayHolidayIsNotDeferred() {
		DueDates due = policy.dueDates(WhistleType.EMERGENCY, null, at("2026-10-03T12:00"));

		assertThat(due.resolveDue()).isEqualTo(at("2026-10-03T16:00"));
	}

	@Test
	void aQuickWhistleOnAMondayMorningIsClaimedByNoonOnSiteByFourAndResolvedNextMorning() {
		DueDates due = policy.dueDates(WhistleType.QUICK, "SANITATION_BLACKSPOT", at("2026-03-02T10:00"));

		assertThat(due).isEqualTo(new DueDates(at("2026-03-02T12:00"), at("2026-03-02T16:00"), at("2026-03-03T10:00")));
	}

	@Test
	void aQuickWhistleOnFridayEveningFallsDueOnMonday() {
		DueDates due = policy.dueDates(WhistleType.QUICK, "PUBLIC_SPACE_CLUTTER", at("2026-03-06T17:00"));

		assertThat(due).isEqualTo(new DueDates(at("2026-03-09T10:00"), at("2026-03-09T12:00"), at("2026-03-09T17:00")));
	}

	@Test
	void aQuickWhistleBeforeTheSpringFestivalRunsOnTheAdjustedSaturdayAndResumesAfterTheHoliday() {
		DueDates due = policy.dueDates(WhistleType.QUICK, "ILLEGAL_ADVERTISING", at("2026-02-13T17:00"));

		assertThat(due).isEqualTo(new DueDates(at("2026-02-14T10:00"), at("2026-02-14T12:00"), at("2026-02-14T17:00")));
		DueDates sunday = policy.dueDates(WhistleType.QUICK, "ILLEGAL_ADVERTISING", at("2026-02-15T09:00"));
		assertThat(sunday).isEqualTo(new DueDates(at("2026-02-24T11:00"), at("2026-02-24T15:00"), at("2026-02-25T00:00")));
	}

	@Test
	void aQuickWhistleWithoutACategoryGetsTheTypesTargets() {
		assertThat(policy.dueDates(WhistleType.QUICK, null, at("2026-03-02T10:00")))
			.isEqualTo(policy.dueDates(WhistleType.QUICK, "OTHER", at("2026-03-02T10:00")));
	}

	@Test
	void anOpenManholeOnAQuickWhistleIsSecuredWithinTheHourAtNightButResolvedOnWorkingDays() {
		DueDates due = policy.dueDates(WhistleType.QUICK, "MANHOLE_COVER", at("2026-03-06T22:00"));

		assertThat(due).isEqualTo(new DueDates(at("2026-03-06T22:30"), at("2026-03-06T23:00"), at("2026-03-09T22:00")));
	}

	@Test
	void aBlockedFireLaneAndAHighAltitudeThrowAreOverriddenToo() {
		assertThat(policy.dueDates(WhistleType.QUICK, "FIRE_LANE_BLOCKED", at("2026-03-07T20:00")).onSiteDue())
			.isEqualTo(at("2026-03-07T21:00"));
		assertThat(policy.dueDates(WhistleType.QUICK, "HIGH_ALTITUDE_THROW", at("2026-03-07T20:00")))
			.isEqualTo(new DueDates(at("2026-03-07T21:00"), at("2026-03-07T22:00"), at("2026-03-10T00:00")));
	}

	@Test
	void aCategoryOverrideAppliesOnlyToTheWhistleTypeItNames() {
		assertThat(policy.dueDates(WhistleType.EMERGENCY, "MANHOLE_COVER", at("2026-03-06T22:00")))
			.isEqualTo(policy.dueDates(WhistleType.EMERGENCY, null, at("2026-03-06T22:00")));
		assertThat(policy.dueDates(WhistleType.TOUGH, "MANHOLE_COVER", at("2026-03-06T22:00")))
			.isEqualTo(policy.dueDates(WhistleType.TOUGH, null, at("2026-03-06T22:00")));
	}

	@Test
	void aToughWhistleHasThreeWorkingDaysForThePlanAndThirtyToResolve() {
		DueDates due = policy.dueDates(WhistleType.TOUGH, "ELEVATOR_RETROFIT", at("2026-03-02T10:00"));

		assertThat(due.respondDue()).isEqualTo(at("2026-03-05T10:00"));
		assertThat(due.onSiteDue()).isEqualTo(at("2026-03-05T10:00"));
		// 30 working days on from Monday 2 March, skipping weekends and 清明节 (4–6 April)
		assertThat(due.resolveDue()).isEqualTo(at("2026-04-14T10:00"));
	}

	@Test
	void aToughWhistleBeforeTheNationalDayHolidayWaitsForItToEnd() {
		DueDates due = policy.dueDates(WhistleType.TOUGH, null, at("2026-09-28T10:00"));

		assertThat(due.respondDue()).isEqualTo(at("2026-10-08T10:00"));
	}

	// --- extensions --------------------------------------------------------------------------------------------------

	@Test
	void anExtensionOfAQuickWhistleRunsOnWorkingDays() {
		assertThat(policy.extend(at("2026-03-06T17:00"), WhistleType.QUICK, 24)).isEqualTo(at("2026-03-09T17:00"));
		assertThat(policy.extend(at("2026-03-03T10:00"), WhistleType.QUICK, 4)).isEqualTo(at("2026-03-03T14:00"));
		assertThat(policy.extend(at("2026-09-30T20:00"), WhistleType.QUICK, 8)).isEqualTo(at("2026-10-08T04:00"));
	}

	@Test
	void anExtensionOfAnEmergencyRunsAroundTheClock() {
		assertThat(policy.extend(at("2026-03-07T23:00"), WhistleType.EMERGENCY, 2)).isEqualTo(at("2026-03-08T01:00"));
	}

	@Test
	void anExtensionOnAnOfficeHoursClockCountsOfficeHours() {
		DeadlinePolicy officeHours = new DeadlinePolicy(withQuickResolve(new Target(Duration.ofHours(7),
				Basis.WORKING_HOURS)), DeadlineDefaults.calendar());

		assertThat(officeHours.extend(at("2026-03-02T17:00"), WhistleType.QUICK, 2)).isEqualTo(at("2026-03-03T10:00"));
		assertThat(officeHours.extend(at("2026-03-06T18:00"), WhistleType.QUICK, 3)).isEqualTo(at("2026-03-09T12:00"));
	}

	@Test
	void anExtensionIsAPositiveNumberOfHours() {
		assertThatIllegalArgumentException().isThrownBy(() -> policy.extend(at("2026-03-02T10:00"), WhistleType.QUICK, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> policy.extend(at("2026-03-02T10:00"), WhistleType.TOUGH, -3));
	}

	// --- configuration -------------------------------------------------------------------------------------------------

	@Test
	void aLaterStepIsNeverDueBeforeAnEarlierOneWhateverTheConfigurationMixes() {
		// respond within 2 office hours, but "resolve within 1 hour around the clock" on a Friday evening
		DeadlinePolicy mixed = new DeadlinePolicy(withQuickResolve(new Target(Duration.ofHours(1),
				Basis.AROUND_THE_CLOCK)), DeadlineDefaults.calendar());

		DueDates due = mixed.dueDates(WhistleType.QUICK, null, at("2026-03-06T17:00"));

		assertThat(due.resolveDue()).isEqualTo(due.onSiteDue()).isEqualTo(at("2026-03-09T12:00"));
	}

	@Test
	void anOverrideMayChangeOnlyTheDurationAndKeepTheTypesBasis() {
		DeadlineProperties defaults = DeadlineDefaults.deadlineProperties();
		DeadlineProperties properties = new DeadlineProperties(defaults.types(), Map.of("TREE_PRUNING",
				Map.of(WhistleType.QUICK, new Targets(null, null, new Target(Duration.ofHours(48), null)))));
		DeadlinePolicy pruning = new DeadlinePolicy(properties, DeadlineDefaults.calendar());

		assertThat(pruning.targets(WhistleType.QUICK, "TREE_PRUNING").resolve())
			.isEqualTo(new Target(Duration.ofHours(48), Basis.WORKING_DAYS));
		assertThat(pruning.dueDates(WhistleType.QUICK, "TREE_PRUNING", at("2026-03-06T17:00")).resolveDue())
			.isEqualTo(at("2026-03-10T17:00"));
	}

	@Test
	void everyWhistleTypeMustHaveAllThreeTargets() {
		Map<WhistleType, Targets> types = new EnumMap<>(DeadlineDefaults.deadlineProperties().types());
		types.remove(WhistleType.TOUGH);
		assertThatIllegalArgumentException().isThrownBy(
				() -> new DeadlinePolicy(new DeadlineProperties(types, Map.of()), DeadlineDefaults.calendar()));
		types.put(WhistleType.TOUGH, new Targets(new Target(Duration.ofDays(3), Basis.WORKING_DAYS), null,
				new Target(Duration.ofDays(30), Basis.WORKING_DAYS)));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new DeadlinePolicy(new DeadlineProperties(types, Map.of()), DeadlineDefaults.calendar()));
	}

	@Test
	void elapsedTimeIsMeasuredOnTheTargetsClock() {
		Instant friday = at("2026-03-06T17:00");
		Instant monday = at("2026-03-09T10:00");
		assertThat(policy.elapsed(friday, monday, Basis.AROUND_THE_CLOCK)).isEqualTo(Duration.ofHours(65));
		assertThat(policy.elapsed(friday, monday, Basis.WORKING_HOURS)).isEqualTo(Duration.ofHours(2));
		assertThat(policy.elapsed(friday, monday, Basis.WORKING_DAYS)).isEqualTo(Duration.ofHours(17));
	}

	private static DeadlineProperties withQuickResolve(Target resolve) {
		DeadlineProperties defaults = DeadlineDefaults.deadlineProperties();
		Map<WhistleType, Targets> types = new EnumMap<>(defaults.types());
		Targets quick = types.get(WhistleType.QUICK);
		types.put(WhistleType.QUICK, new Targets(quick.respond(), quick.onSite(), resolve));
		return new DeadlineProperties(types, Map.of());
	}
}
