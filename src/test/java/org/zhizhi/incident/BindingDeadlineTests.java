package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A city platform's order binds its incident to its deadline, without Spring: the incident is due to resolve by it
 * from the report, and no due date the district's policy sets later — at the whistle, on an escalation, by an approved
 * extension — falls after it; one the policy sets earlier stands. Once the deadline has passed, only the times to take
 * the order up are the policy's again (a tier is given time to take an overdue order), never the time to resolve.
 */
class BindingDeadlineTests {

	private static final UUID DISTRICT = UUID.randomUUID();

	private static final UUID GRID = UUID.randomUUID();

	private static final String GRID_PATH = "/" + UUID.randomUUID() + "/" + DISTRICT + "/" + UUID.randomUUID() + "/"
			+ UUID.randomUUID() + "/" + GRID + "/";

	private static final Instant T0 = Instant.parse("2026-06-10T02:00:00Z");

	private final UUID worker = UUID.randomUUID();

	private static Instant at(int minutes) {
		return T0.plus(Duration.ofMinutes(minutes));
	}

	/** An order's incident due in {@code minutes}, reported at T0 and triaged, ready for the whistle. */
	private Incident orderDueIn(int minutes) {
		Incident incident = Incident.report(UUID.randomUUID(), Channel.HOTLINE_12345, "MANHOLE_COVER",
				"【12345工单 GD1】井盖松动", 29.4, 106.5, GRID, null, GRID_PATH, DISTRICT, UUID.randomUUID(), false, T0);
		incident.bindTo(new BindingDeadline("HOTLINE_12345", at(minutes)));
		incident.clearEvents();
		incident.accept(worker, at(1));
		incident.triage(Triage.PUBLIC, null, worker, at(2));
		return incident;
	}

	@Test
	void anOrdersIncidentIsDueToResolveByItsDeadlineFromTheReport() {
		Incident incident = Incident.report(UUID.randomUUID(), Channel.HOTLINE_12345, "MANHOLE_COVER", "井盖松动",
				29.4, 106.5, GRID, null, GRID_PATH, DISTRICT, UUID.randomUUID(), false, T0);
		incident.bindTo(new BindingDeadline("TASK_141", at(600)));

		assertThat(incident.resolveDueAt()).isEqualTo(at(600));
		assertThat(incident.view().binding()).isEqualTo(new BindingDeadline("TASK_141", at(600)));
		assertThat(incident.view().overdue(at(601))).isTrue();
	}

	@Test
	void theWhistleNeverSetsAResolutionDueAfterTheOrdersDeadline() {
		Incident incident = orderDueIn(6 * 60);
		// the quick whistle's policy would give a day to resolve
		incident.whistle(WhistleType.QUICK, DispatchMode.OPEN_CALL, new DueDates.Set(at(30), at(120), at(24 * 60)),
				worker, at(3));

		assertThat(incident.resolveDueAt()).isEqualTo(at(6 * 60));
		assertThat(incident.respondDueAt()).as("earlier than the deadline: the policy's").isEqualTo(at(30));
		assertThat(incident.onSiteDueAt()).isEqualTo(at(120));
	}

	@Test
	void noStepIsDueAfterTheDeadlineEvenToRespond() {
		Incident incident = orderDueIn(60);
		incident.whistle(WhistleType.TOUGH, DispatchMode.ASSIGN, new DueDates.Set(at(90), at(240), at(7 * 24 * 60)),
				worker, at(3));

		assertThat(incident.respondDueAt()).isEqualTo(at(60));
		assertThat(incident.onSiteDueAt()).isEqualTo(at(60));
		assertThat(incident.resolveDueAt()).isEqualTo(at(60));
	}

	@Test
	void aPolicyDueEarlierThanTheDeadlineStands() {
		Incident incident = orderDueIn(7 * 24 * 60);
		incident.whistle(WhistleType.EMERGENCY, DispatchMode.OPEN_CALL, new DueDates.Set(at(13), at(33), at(243)),
				worker, at(3));

		assertThat(incident.resolveDueAt()).isEqualTo(at(243));
		assertThat(incident.view().binding().dueAt()).isEqualTo(at(7 * 24 * 60));
	}

	@Test
	void anEscalationsNewTimeToRespondStopsAtTheDeadline() {
		Incident incident = orderDueIn(6 * 60);
		incident.whistle(WhistleType.QUICK, DispatchMode.ASSIGN, new DueDates.Set(at(30), at(120), at(24 * 60)),
				worker, at(3));
		incident.assignToMember(UUID.randomUUID(), DispatchMode.ASSIGN, worker, at(4));

		incident.escalate(at(8 * 60), worker, at(5 * 60));

		assertThat(incident.respondDueAt()).isEqualTo(at(6 * 60));
		assertThat(incident.resolveDueAt()).isEqualTo(at(6 * 60));
	}

	@Test
	void onceTheDeadlineHasPassedAnEscalationGivesTheNewTierThePolicysTimeToRespond() {
		Incident incident = orderDueIn(60);
		incident.whistle(WhistleType.QUICK, DispatchMode.OPEN_CALL, new DueDates.Set(at(90), at(120), at(24 * 60)),
				worker, at(3));
		assertThat(incident.respondDueAt()).isEqualTo(at(60));

		// nobody took it by the deadline: one tier up, with time to take it, still overdue to resolve
		incident.escalate(at(61 + 120), worker, at(61));

		assertThat(incident.respondDueAt()).isEqualTo(at(61 + 120));
		assertThat(incident.resolveDueAt()).isEqualTo(at(60));
		assertThat(incident.view().overdue(at(61))).isTrue();
	}

	@Test
	void aWhistleBlownAfterTheDeadlineKeepsThePolicysTimesToTakeItButIsDueToResolveByTheDeadline() {
		Incident incident = orderDueIn(1);
		incident.whistle(WhistleType.QUICK, DispatchMode.OPEN_CALL, new DueDates.Set(at(30), at(120), at(24 * 60)),
				worker, at(3));

		assertThat(incident.respondDueAt()).isEqualTo(at(30));
		assertThat(incident.onSiteDueAt()).isEqualTo(at(120));
		assertThat(incident.resolveDueAt()).isEqualTo(at(1));
	}

	@Test
	void anApprovedExtensionCannotPassTheDeadline() {
		Incident incident = orderDueIn(24 * 60);
		incident.whistle(WhistleType.QUICK, DispatchMode.OPEN_CALL, new DueDates.Set(at(30), at(120), at(8 * 60)),
				worker, at(3));

		incident.extendResolutionTo(at(20 * 60));
		assertThat(incident.resolveDueAt()).as("within the deadline: granted").isEqualTo(at(20 * 60));
		incident.extendResolutionTo(at(48 * 60));
		assertThat(incident.resolveDueAt()).as("beyond it: held at it").isEqualTo(at(24 * 60));
	}

	@Test
	void reworkAndAWhistleAfterAHandBackKeepTheDeadline() {
		Incident incident = orderDueIn(6 * 60);
		UUID member = UUID.randomUUID();
		incident.whistle(WhistleType.QUICK, DispatchMode.OPEN_CALL, new DueDates.Set(at(30), at(120), at(24 * 60)),
				worker, at(3));
		incident.claim(member, at(4));
		incident.checkInUnmeasured(member, at(20));
		incident.resolve("井盖已更换", member, at(40));
		incident.rework("盖板不平", worker, at(50));
		assertThat(incident.resolveDueAt()).isEqualTo(at(6 * 60));

		Incident handedBack = orderDueIn(6 * 60);
		handedBack.whistle(WhistleType.QUICK, DispatchMode.OPEN_CALL, new DueDates.Set(at(30), at(120), at(24 * 60)),
				worker, at(3));
		handedBack.claim(member, at(4));
		handedBack.handBack("不在辖区", member, at(5));
		assertThat(handedBack.resolveDueAt()).isEqualTo(at(6 * 60));
	}

	@Test
	void anIncidentWithoutAnOrdersDeadlineKeepsThePolicysDates() {
		Incident incident = Incident.report(UUID.randomUUID(), Channel.PATROL, "MANHOLE_COVER", "井盖破损", 29.4, 106.5,
				GRID, null, GRID_PATH, DISTRICT, worker, false, T0);
		assertThat(incident.resolveDueAt()).isNull();
		incident.accept(worker, at(1));
		incident.triage(Triage.PUBLIC, null, worker, at(2));
		incident.whistle(WhistleType.QUICK, DispatchMode.OPEN_CALL, new DueDates.Set(at(30), at(120), at(24 * 60)),
				worker, at(3));
		incident.extendResolutionTo(at(48 * 60));

		assertThat(incident.resolveDueAt()).isEqualTo(at(48 * 60));
		assertThat(incident.view().binding()).isNull();
	}

	@Test
	void anIncidentIsBoundOnlyAsItIsReported() {
		Incident incident = orderDueIn(600);
		assertThatThrownBy(() -> incident.bindTo(new BindingDeadline("HOTLINE_12345", at(900))))
			.isInstanceOf(IllegalStateException.class);
		assertThat(incident.resolveDueAt()).isEqualTo(at(600));
	}

	@Test
	void aSourceIsAPlatformsCode() {
		assertThatThrownBy(() -> new BindingDeadline("12345时限", T0)).isInstanceOf(IllegalArgumentException.class);
		assertThat(new BindingDeadline("TASK_141", at(10)).bound(null)).isNull();
	}
}
