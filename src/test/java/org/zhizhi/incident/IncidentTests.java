package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.incident.IncidentEvent.IncidentAccepted;
import org.zhizhi.incident.IncidentEvent.IncidentCheckedIn;
import org.zhizhi.incident.IncidentEvent.IncidentClaimed;
import org.zhizhi.incident.IncidentEvent.IncidentClosed;
import org.zhizhi.incident.IncidentEvent.IncidentEscalated;
import org.zhizhi.incident.IncidentEvent.IncidentRated;
import org.zhizhi.incident.IncidentEvent.IncidentRejected;
import org.zhizhi.incident.IncidentEvent.IncidentReported;
import org.zhizhi.incident.IncidentEvent.IncidentResolved;
import org.zhizhi.incident.IncidentEvent.IncidentReworked;
import org.zhizhi.incident.IncidentEvent.IncidentTriaged;
import org.zhizhi.incident.IncidentEvent.IncidentUrged;
import org.zhizhi.incident.IncidentEvent.IncidentVerified;
import org.zhizhi.incident.IncidentEvent.IncidentWhistled;
import org.zhizhi.shared.DomainException;

/**
 * The incident aggregate without Spring: each step changes what it should and nothing else, registers its event, and
 * the whole loop from the report to the rating leaves the fields a reader expects.
 */
class IncidentTests {

	private static final UUID CITY = UUID.randomUUID();

	private static final UUID DISTRICT = UUID.randomUUID();

	private static final UUID STREET = UUID.randomUUID();

	private static final UUID COMMUNITY = UUID.randomUUID();

	private static final UUID GRID = UUID.randomUUID();

	private static final String GRID_PATH = "/" + CITY + "/" + DISTRICT + "/" + STREET + "/" + COMMUNITY + "/" + GRID
			+ "/";

	private static final Instant T0 = Instant.parse("2026-06-10T02:00:00Z");

	private final UUID reporter = UUID.randomUUID();

	private final UUID worker = UUID.randomUUID();

	private final UUID member = UUID.randomUUID();

	private Incident reported() {
		Incident incident = Incident.report(UUID.randomUUID(), Channel.PATROL, "MANHOLE_COVER", "井盖破损", 29.4, 106.5,
				GRID, null, GRID_PATH, DISTRICT, reporter, false, T0);
		incident.clearEvents();
		return incident;
	}

	private static Instant at(int minutes) {
		return T0.plus(Duration.ofMinutes(minutes));
	}

	@Test
	void aReportIsOwnedByItsGridAndRegistersItsFirstEvent() {
		Incident incident = Incident.report(UUID.randomUUID(), Channel.RESIDENT_APP, "MANHOLE_COVER", "井盖破损", 29.4,
				106.5, GRID, null, GRID_PATH, DISTRICT, reporter, true, T0);
		assertThat(incident.state()).isEqualTo(IncidentState.REPORTED);
		assertThat(incident.tier()).isEqualTo(Tier.GRID);
		assertThat(incident.ownerKind()).isEqualTo(OwnerKind.ORG_UNIT);
		assertThat(incident.ownerId()).isEqualTo(GRID);
		assertThat(incident.version()).isZero();
		assertThat(incident.events()).containsExactly(
				new IncidentReported(incident.id(), null, IncidentState.REPORTED, T0, reporter));
		assertThat(incident.events().getFirst().action()).isEqualTo(IncidentAction.REPORT);
		assertThat(incident.view().withoutAnonymousReporter().reporterId()).isNull();
	}

	@Test
	void theWholeLoopFromReportToRating() {
		Incident incident = reported();
		incident.accept(worker, at(1));
		incident.triage(Triage.PUBLIC, null, worker, at(2));
		incident.whistle(WhistleType.QUICK, DispatchMode.OPEN_CALL,
				new DueDates.Set(at(30), at(120), at(60 * 24)), worker, at(3));
		assertThat(incident.respondDueAt()).isEqualTo(at(30));
		incident.claim(member, at(4));
		assertThat(incident.claimedBy()).isEqualTo(member);
		assertThat(incident.ownerKind()).isEqualTo(OwnerKind.MEMBER);
		assertThat(incident.dispatchMode()).isEqualTo(DispatchMode.OPEN_CALL);

		// 600 m away with a radius of 500: allowed, and flagged for good
		Incident.CheckIn far = incident.checkIn(29.4 + 600 / 111_195.0, 106.5, 500, member, at(20));
		assertThat(far.flagged()).isTrue();
		assertThat(far.distanceM()).isBetween(599.0, 601.0);
		incident.resolve("井盖已更换", member, at(40));
		assertThat(incident.ownerKind()).as("back to the grid for verification").isEqualTo(OwnerKind.ORG_UNIT);
		incident.rework("盖板不平", worker, at(50));
		assertThat(incident.ownerKind()).as("back to its handler").isEqualTo(OwnerKind.MEMBER);
		Incident.CheckIn near = incident.checkIn(29.4, 106.5, 500, member, at(60));
		assertThat(near.flagged()).isFalse();
		assertThat(incident.checkInFlagged()).as("the flag stays once set").isTrue();
		incident.resolve("已重新安装", member, at(70));
		incident.verify(worker, at(80));
		incident.close(worker, at(80));
		assertThat(incident.closedAt()).isEqualTo(at(80));
		incident.rate(Rating.SATISFIED, null, reporter, at(90));
		assertThat(incident.state()).isEqualTo(IncidentState.RATED);
		assertThat(incident.closedAt()).as("a rating keeps the day it closed").isEqualTo(at(80));
		assertThat(incident.events()).extracting(IncidentEvent::action)
			.containsExactly(IncidentAction.ACCEPT, IncidentAction.TRIAGE, IncidentAction.WHISTLE,
					IncidentAction.CLAIM, IncidentAction.CHECK_IN, IncidentAction.RESOLVE, IncidentAction.REWORK,
					IncidentAction.CHECK_IN, IncidentAction.RESOLVE, IncidentAction.VERIFY, IncidentAction.CLOSE,
					IncidentAction.RATE);
		assertThat(incident.events()).extracting(e -> (Object) e.getClass())
			.containsExactly(IncidentAccepted.class, IncidentTriaged.class, IncidentWhistled.class,
					IncidentClaimed.class, IncidentCheckedIn.class, IncidentResolved.class, IncidentReworked.class,
					IncidentCheckedIn.class, IncidentResolved.class, IncidentVerified.class, IncidentClosed.class,
					IncidentRated.class);
		assertThat(incident.events().get(3)).as("who claimed it, when, from where to where")
			.isEqualTo(new IncidentClaimed(incident.id(), IncidentState.WHISTLED, IncidentState.CLAIMED, at(4), member));
		// what a step chose travels with its event
		assertThat(incident.events().get(1)).isInstanceOfSatisfying(IncidentTriaged.class,
				e -> assertThat(e.triage()).isEqualTo(Triage.PUBLIC));
		assertThat(incident.events().get(2)).isInstanceOfSatisfying(IncidentWhistled.class,
				e -> assertThat(e.type()).isEqualTo(WhistleType.QUICK));
		assertThat(incident.events().getLast()).isInstanceOfSatisfying(IncidentRated.class,
				e -> assertThat(e.rating()).isEqualTo(Rating.SATISFIED));
	}

	@Test
	void aPrivateMatterClosesAtTriageAndARefusedReportIsClosedToo() {
		Incident incident = reported();
		incident.accept(worker, at(1));
		assertThatThrownBy(() -> incident.triage(Triage.PRIVATE, " ", worker, at(2)))
			.isInstanceOf(DomainException.class);
		assertThat(incident.state()).as("a refused step changes nothing").isEqualTo(IncidentState.ACCEPTED);
		incident.triage(Triage.PRIVATE, "已告知找物业", worker, at(2));
		assertThat(incident.state()).isEqualTo(IncidentState.CLOSED);
		assertThat(incident.closedAt()).isEqualTo(at(2));

		Incident refused = reported();
		refused.reject(RejectReason.values()[0], worker, at(1));
		assertThat(refused.state()).isEqualTo(IncidentState.REJECTED);
		assertThat(refused.closedAt()).isEqualTo(at(1));
		assertThat(refused.events()).containsExactly(new IncidentRejected(refused.id(), IncidentState.REPORTED,
				IncidentState.REJECTED, at(1), worker, RejectReason.values()[0]));
	}

	@Test
	void escalationLetsGoOfTheHandlerAndGivesTheNewTierATimeToRespond() {
		Incident incident = whistled();
		UUID unit = UUID.randomUUID();
		incident.assignToUnit(unit, DispatchMode.ASSIGN, worker, at(5));
		assertThat(incident.unitId()).isEqualTo(unit);
		assertThat(incident.ownerKind()).isEqualTo(OwnerKind.UNIT);
		incident.escalate(at(90), worker, at(10));
		assertThat(incident.tier()).isEqualTo(Tier.COMMUNITY);
		assertThat(incident.ownerId()).isEqualTo(COMMUNITY);
		assertThat(incident.unitId()).isNull();
		assertThat(incident.claimedBy()).isNull();
		assertThat(incident.state()).isEqualTo(IncidentState.WHISTLED);
		assertThat(incident.respondDueAt()).isEqualTo(at(90));
		assertThat(incident.escalations()).isEqualTo(1);
		assertThat(incident.events().getLast()).isEqualTo(new IncidentEscalated(incident.id(),
				IncidentState.ASSIGNED, IncidentState.WHISTLED, at(10), worker));
	}

	@Test
	void theSweepCardsOncePerPassedDeadline() {
		Incident incident = whistled();
		incident.cardOverdue(at(30), null, at(31));
		assertThat(incident.redCards()).isEqualTo(1);
		assertThatThrownBy(() -> incident.cardOverdue(at(30), null, at(32)))
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("ILLEGAL_TRANSITION");
		incident.urge(UrgeCard.YELLOW, worker, at(33));
		assertThat(incident.yellowCards()).isEqualTo(1);
		assertThat(incident.redCards()).isEqualTo(1);
		assertThat(incident.events()).filteredOn(IncidentUrged.class::isInstance)
			.containsExactly(
					new IncidentUrged(incident.id(), IncidentState.WHISTLED, IncidentState.WHISTLED, at(31), null,
							UrgeCard.RED),
					new IncidentUrged(incident.id(), IncidentState.WHISTLED, IncidentState.WHISTLED, at(33), worker,
							UrgeCard.YELLOW));
	}

	@Test
	void everyActionHasItsOwnPastTenseEventThatListenersStillReadAsAStep() {
		UUID id = UUID.randomUUID();
		for (IncidentAction action : IncidentAction.values()) {
			IncidentEvent event = IncidentEvent.of(action, id, IncidentState.WHISTLED, IncidentState.CLAIMED, T0,
					member);
			assertThat(event.action()).as("%s", action).isEqualTo(action);
			assertThat(event).extracting(IncidentEvent::incidentId, IncidentEvent::from, IncidentEvent::to,
					IncidentEvent::at, IncidentEvent::actorId)
				.containsExactly(id, IncidentState.WHISTLED, IncidentState.CLAIMED, T0, member);
		}
		assertThat(Arrays.stream(IncidentAction.values())
			.map(action -> IncidentEvent.of(action, id, null, IncidentState.REPORTED, T0, member).getClass())
			.distinct()).as("one record per action").hasSize(IncidentAction.values().length);
		assertThat(IncidentEvent.class.getPermittedSubclasses()).hasSize(IncidentAction.values().length);
	}

	@Test
	void reopeningForgetsTheRatingAndGoesBackToTheHandler() {
		Incident incident = whistled();
		incident.claim(member, at(4));
		incident.checkIn(29.4, 106.5, 500, member, at(5));
		incident.resolve("好了", member, at(6));
		incident.verify(worker, at(7));
		incident.close(worker, at(7));
		incident.rate(Rating.UNSATISFIED, "还在漏水", reporter, at(8));
		assertThat(incident.unsatisfiedPending()).isTrue();
		incident.reopen("再修一次", worker, at(9));
		assertThat(incident.state()).isEqualTo(IncidentState.REWORK);
		assertThat(incident.rating()).isNull();
		assertThat(incident.unsatisfiedPending()).isFalse();
		assertThat(incident.reopened()).isEqualTo(1);
		assertThat(incident.ownerId()).isEqualTo(member);
		assertThat(incident.closedAt()).isNull();
	}

	@Test
	void handingBackReturnsTheOrderToItsTier() {
		Incident incident = whistled();
		incident.assignToMember(member, DispatchMode.ROUND_ROBIN, worker, at(5));
		incident.handBack("不在本网格", member, at(6));
		assertThat(incident.state()).isEqualTo(IncidentState.WHISTLED);
		assertThat(incident.claimedBy()).isNull();
		assertThat(incident.ownerKind()).isEqualTo(OwnerKind.ORG_UNIT);
		assertThat(incident.ownerId()).isEqualTo(GRID);
	}

	private Incident whistled() {
		Incident incident = reported();
		incident.accept(worker, at(1));
		incident.triage(Triage.PUBLIC, null, worker, at(2));
		incident.whistle(WhistleType.QUICK, DispatchMode.OPEN_CALL, new DueDates.Set(at(30), at(120), at(1440)),
				worker, at(3));
		return incident;
	}
}
