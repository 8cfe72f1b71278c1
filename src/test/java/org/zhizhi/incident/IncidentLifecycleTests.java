package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.zhizhi.incident.IncidentLifecycle.Transition;
import org.zhizhi.shared.DomainException;

/** The incident's state machine, step by step, with every state each step is refused from. */
class IncidentLifecycleTests {

	/** Each step, taken with valid choices, and the only states it may start from. */
	private static final Map<IncidentAction, Function<IncidentState, Transition>> STEPS = Map.ofEntries(
			Map.entry(IncidentAction.ACCEPT, IncidentLifecycle::accept),
			Map.entry(IncidentAction.REJECT, s -> IncidentLifecycle.reject(s, RejectReason.DUPLICATE)),
			Map.entry(IncidentAction.TRIAGE, s -> IncidentLifecycle.triage(s, Triage.COMMUNITY, null)),
			Map.entry(IncidentAction.CLOSE, s -> IncidentLifecycle.triage(s, Triage.PRIVATE, "advice given")),
			Map.entry(IncidentAction.WHISTLE, s -> IncidentLifecycle.whistle(s, WhistleType.QUICK)),
			Map.entry(IncidentAction.CLAIM, IncidentLifecycle::claim),
			Map.entry(IncidentAction.CHECK_IN, IncidentLifecycle::checkIn),
			Map.entry(IncidentAction.RESOLVE, s -> IncidentLifecycle.resolve(s, "cover replaced")),
			Map.entry(IncidentAction.VERIFY, IncidentLifecycle::verify),
			Map.entry(IncidentAction.REWORK, s -> IncidentLifecycle.rework(s, "still wobbles")),
			Map.entry(IncidentAction.RATE, s -> IncidentLifecycle.rate(s, Rating.SATISFIED, null)),
			Map.entry(IncidentAction.ASSIGN, IncidentLifecycle::assign),
			Map.entry(IncidentAction.ANSWER, IncidentLifecycle::answer),
			Map.entry(IncidentAction.HAND_BACK, s -> IncidentLifecycle.handBack(s, "not ours")),
			Map.entry(IncidentAction.REOPEN, s -> IncidentLifecycle.reopen(s, true, true, "resident still unhappy")),
			Map.entry(IncidentAction.KEEP_CLOSED, s -> IncidentLifecycle.keepClosed(s, true, "beyond policy")),
			Map.entry(IncidentAction.ESCALATE, s -> IncidentLifecycle.escalate(s, Tier.GRID)),
			Map.entry(IncidentAction.URGE, s -> IncidentLifecycle.urge(s, UrgeCard.YELLOW)),
			Map.entry(IncidentAction.NOTE, s -> IncidentLifecycle.note(s, "materials ordered")),
			Map.entry(IncidentAction.EXTENSION_REQUEST, s -> IncidentLifecycle.requestExtension(s, 48, "parts")),
			Map.entry(IncidentAction.EXTENSION_APPROVE, s -> IncidentLifecycle.decideExtension(s, true)),
			Map.entry(IncidentAction.EXTENSION_REFUSE, s -> IncidentLifecycle.decideExtension(s, false)),
			Map.entry(IncidentAction.PART_ANSWER, s -> IncidentLifecycle.part(s, IncidentAction.PART_ANSWER)),
			Map.entry(IncidentAction.PART_DONE, s -> IncidentLifecycle.part(s, IncidentAction.PART_DONE)),
			Map.entry(IncidentAction.PART_HAND_BACK, s -> IncidentLifecycle.part(s, IncidentAction.PART_HAND_BACK)));

	private static final Set<IncidentState> HANDLING = EnumSet.of(IncidentState.TRIAGED, IncidentState.WHISTLED,
			IncidentState.ASSIGNED, IncidentState.CLAIMED, IncidentState.CHECKED_IN, IncidentState.RESOLVED,
			IncidentState.REWORK);

	private static final Set<IncidentState> IN_HAND = EnumSet.of(IncidentState.ASSIGNED, IncidentState.CLAIMED,
			IncidentState.CHECKED_IN, IncidentState.REWORK);

	private static final Map<IncidentAction, Set<IncidentState>> LEGAL_FROM = Map.ofEntries(
			Map.entry(IncidentAction.ACCEPT, EnumSet.of(IncidentState.REPORTED)),
			Map.entry(IncidentAction.REJECT, EnumSet.of(IncidentState.REPORTED)),
			Map.entry(IncidentAction.TRIAGE, EnumSet.of(IncidentState.ACCEPTED)),
			Map.entry(IncidentAction.CLOSE, EnumSet.of(IncidentState.ACCEPTED)),
			Map.entry(IncidentAction.WHISTLE, EnumSet.of(IncidentState.TRIAGED)),
			Map.entry(IncidentAction.CLAIM, EnumSet.of(IncidentState.WHISTLED)),
			Map.entry(IncidentAction.CHECK_IN, EnumSet.of(IncidentState.CLAIMED, IncidentState.REWORK)),
			Map.entry(IncidentAction.RESOLVE, EnumSet.of(IncidentState.CHECKED_IN, IncidentState.REWORK)),
			Map.entry(IncidentAction.VERIFY, EnumSet.of(IncidentState.RESOLVED)),
			Map.entry(IncidentAction.REWORK, EnumSet.of(IncidentState.RESOLVED)),
			Map.entry(IncidentAction.RATE, EnumSet.of(IncidentState.CLOSED)),
			Map.entry(IncidentAction.ASSIGN, EnumSet.of(IncidentState.WHISTLED)),
			Map.entry(IncidentAction.ANSWER, EnumSet.of(IncidentState.ASSIGNED)),
			Map.entry(IncidentAction.HAND_BACK, EnumSet.of(IncidentState.ASSIGNED, IncidentState.CLAIMED)),
			Map.entry(IncidentAction.REOPEN, EnumSet.of(IncidentState.RATED)),
			Map.entry(IncidentAction.KEEP_CLOSED, EnumSet.of(IncidentState.RATED)),
			Map.entry(IncidentAction.ESCALATE, EnumSet.of(IncidentState.TRIAGED, IncidentState.WHISTLED,
					IncidentState.ASSIGNED, IncidentState.CLAIMED, IncidentState.CHECKED_IN, IncidentState.REWORK)),
			Map.entry(IncidentAction.URGE, HANDLING), Map.entry(IncidentAction.NOTE, HANDLING),
			Map.entry(IncidentAction.EXTENSION_REQUEST, IN_HAND), Map.entry(IncidentAction.EXTENSION_APPROVE, IN_HAND),
			Map.entry(IncidentAction.EXTENSION_REFUSE, IN_HAND), Map.entry(IncidentAction.PART_ANSWER, IN_HAND),
			Map.entry(IncidentAction.PART_DONE, IN_HAND), Map.entry(IncidentAction.PART_HAND_BACK, IN_HAND));

	@Test
	void aReportedIncidentIsAcceptedOrRejected() {
		assertThat(IncidentLifecycle.accept(IncidentState.REPORTED).to()).isEqualTo(IncidentState.ACCEPTED);
		Transition rejected = IncidentLifecycle.reject(IncidentState.REPORTED, RejectReason.NOT_OURS);
		assertThat(rejected.to()).isEqualTo(IncidentState.REJECTED);
		assertThat(rejected.action()).isEqualTo(IncidentAction.REJECT);
	}

	@Test
	void aRejectionNeedsAReason() {
		assertThatThrownBy(() -> IncidentLifecycle.reject(IncidentState.REPORTED, null))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.category()).isEqualTo(DomainException.Category.INVALID);
				assertThat(e.fieldProblems()).extracting(DomainException.FieldProblem::field).containsExactly("reason");
			});
	}

	@Test
	void publicAndCommunityMattersWaitForTheirWhistle() {
		assertThat(IncidentLifecycle.triage(IncidentState.ACCEPTED, Triage.PUBLIC, null).to())
			.isEqualTo(IncidentState.TRIAGED);
		assertThat(IncidentLifecycle.triage(IncidentState.ACCEPTED, Triage.COMMUNITY, null).to())
			.isEqualTo(IncidentState.TRIAGED);
	}

	@Test
	void aPrivateMatterIsClosedWithANote() {
		Transition closed = IncidentLifecycle.triage(IncidentState.ACCEPTED, Triage.PRIVATE, "mediated by neighbours");
		assertThat(closed.to()).isEqualTo(IncidentState.CLOSED);
		assertThat(closed.action()).isEqualTo(IncidentAction.CLOSE);
	}

	@Test
	void aPrivateMatterWithoutANoteIsRefused() {
		assertThatThrownBy(() -> IncidentLifecycle.triage(IncidentState.ACCEPTED, Triage.PRIVATE, " "))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldProblems())
				.extracting(DomainException.FieldProblem::field)
				.containsExactly("note"));
	}

	@Test
	void triageNeedsAChoice() {
		assertThatThrownBy(() -> IncidentLifecycle.triage(IncidentState.ACCEPTED, null, null))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void aTriagedIncidentIsWhistledOfAType() {
		for (WhistleType type : WhistleType.values()) {
			assertThat(IncidentLifecycle.whistle(IncidentState.TRIAGED, type).to()).isEqualTo(IncidentState.WHISTLED);
		}
		assertThatThrownBy(() -> IncidentLifecycle.whistle(IncidentState.TRIAGED, null))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void aWhistledOrderIsClaimed() {
		assertThat(IncidentLifecycle.claim(IncidentState.WHISTLED).to()).isEqualTo(IncidentState.CLAIMED);
	}

	@Test
	void everyStepFromAnyOtherStateIsRefusedNamingTheCurrentState() {
		STEPS.forEach((action, step) -> {
			for (IncidentState state : IncidentState.values()) {
				if (LEGAL_FROM.get(action).contains(state)) {
					assertThat(step.apply(state).from()).isEqualTo(state);
					continue;
				}
				assertThatThrownBy(() -> step.apply(state)).as("%s from %s", action, state)
					.isInstanceOfSatisfying(DomainException.class, e -> {
						assertThat(e.category()).isEqualTo(DomainException.Category.CONFLICT);
						assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
						assertThat(e.args()).containsExactly(state.name(),
								action == IncidentAction.CLOSE ? IncidentAction.TRIAGE.name() : action.name());
					});
			}
		});
	}

	@Test
	void aClaimedOrderCannotBeClaimedAgain() {
		Transition first = IncidentLifecycle.claim(IncidentState.WHISTLED);
		assertThatThrownBy(() -> IncidentLifecycle.claim(first.to())).isInstanceOfSatisfying(DomainException.class,
				e -> assertThat(e.args()).containsExactly("CLAIMED", "CLAIM"));
	}

	// --- after the claim -------------------------------------------------------------------------------------------

	@Test
	void aClaimedOrderIsCheckedInResolvedVerifiedClosedAndRated() {
		Transition checkedIn = IncidentLifecycle.checkIn(IncidentState.CLAIMED);
		assertThat(checkedIn.to()).isEqualTo(IncidentState.CHECKED_IN);
		assertThat(checkedIn.action()).isEqualTo(IncidentAction.CHECK_IN);
		Transition resolved = IncidentLifecycle.resolve(checkedIn.to(), "cover replaced");
		assertThat(resolved.to()).isEqualTo(IncidentState.RESOLVED);
		Transition verified = IncidentLifecycle.verify(resolved.to());
		assertThat(verified.to()).isEqualTo(IncidentState.VERIFIED);
		Transition closed = IncidentLifecycle.close(verified.to());
		assertThat(closed.to()).isEqualTo(IncidentState.CLOSED);
		assertThat(closed.action()).isEqualTo(IncidentAction.CLOSE);
		for (Rating rating : Rating.values()) {
			assertThat(IncidentLifecycle.rate(closed.to(), rating, "why").to()).isEqualTo(IncidentState.RATED);
		}
	}

	@Test
	void aReworkGoesBackToTheClaimerWhoChecksInOrResolvesAgain() {
		Transition rework = IncidentLifecycle.rework(IncidentState.RESOLVED, "still wobbles");
		assertThat(rework.to()).isEqualTo(IncidentState.REWORK);
		assertThat(IncidentLifecycle.checkIn(rework.to()).to()).isEqualTo(IncidentState.CHECKED_IN);
		assertThat(IncidentLifecycle.resolve(rework.to(), "fixed properly").to()).isEqualTo(IncidentState.RESOLVED);
	}

	@Test
	void aResolutionAndAReworkNeedANote() {
		assertThatThrownBy(() -> IncidentLifecycle.resolve(IncidentState.CHECKED_IN, " "))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldProblems())
				.extracting(DomainException.FieldProblem::field)
				.containsExactly("note"));
		assertThatThrownBy(() -> IncidentLifecycle.rework(IncidentState.RESOLVED, null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldProblems())
				.extracting(DomainException.FieldProblem::field)
				.containsExactly("note"));
	}

	@Test
	void aRatingIsRequiredAndAnUnsatisfiedOneNeedsAComment() {
		assertThatThrownBy(() -> IncidentLifecycle.rate(IncidentState.CLOSED, null, null))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldProblems())
				.extracting(DomainException.FieldProblem::field)
				.containsExactly("rating"));
		assertThatThrownBy(() -> IncidentLifecycle.rate(IncidentState.CLOSED, Rating.UNSATISFIED, " "))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldProblems())
				.extracting(DomainException.FieldProblem::field)
				.containsExactly("comment"));
		assertThat(IncidentLifecycle.rate(IncidentState.CLOSED, Rating.BASICALLY_SATISFIED, null).to())
			.isEqualTo(IncidentState.RATED);
	}

	@Test
	void aRatedIncidentCannotBeRatedAgain() {
		assertThatThrownBy(() -> IncidentLifecycle.rate(IncidentState.RATED, Rating.SATISFIED, null))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.args()).containsExactly("RATED", "RATE"));
	}

	@Test
	void onlyAVerifiedIncidentIsClosedByVerification() {
		for (IncidentState state : IncidentState.values()) {
			if (state == IncidentState.VERIFIED) {
				continue;
			}
			assertThatThrownBy(() -> IncidentLifecycle.close(state)).as("CLOSE from %s", state)
				.isInstanceOfSatisfying(DomainException.class, e -> {
					assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
					assertThat(e.args()).containsExactly(state.name(), IncidentAction.CLOSE.name());
				});
		}
	}

	@Test
	void everyStepThatMovesOrRecordsIsCoveredByTheExhaustiveTable() {
		// REPORT creates, PHOTO and JOIN are recorded outside the state machine; every other action must be in the table
		Set<IncidentAction> outside = EnumSet.of(IncidentAction.REPORT, IncidentAction.PHOTO, IncidentAction.JOIN);
		assertThat(STEPS.keySet()).containsAll(EnumSet.complementOf(EnumSet.copyOf(outside)));
		assertThat(LEGAL_FROM.keySet()).isEqualTo(STEPS.keySet());
	}

	@Test
	void theDispatchStepsLeadWhereTheyShould() {
		assertThat(IncidentLifecycle.assign(IncidentState.WHISTLED).to()).isEqualTo(IncidentState.ASSIGNED);
		assertThat(IncidentLifecycle.answer(IncidentState.ASSIGNED).to()).isEqualTo(IncidentState.CLAIMED);
		assertThat(IncidentLifecycle.handBack(IncidentState.CLAIMED, "not ours").to()).isEqualTo(IncidentState.WHISTLED);
		assertThat(IncidentLifecycle.escalate(IncidentState.TRIAGED, Tier.GRID).to()).isEqualTo(IncidentState.TRIAGED);
		assertThat(IncidentLifecycle.escalate(IncidentState.CHECKED_IN, Tier.STREET).to())
			.isEqualTo(IncidentState.WHISTLED);
		assertThat(IncidentLifecycle.reopen(IncidentState.RATED, true, true, "x").to()).isEqualTo(IncidentState.REWORK);
		assertThat(IncidentLifecycle.reopen(IncidentState.RATED, true, false, "x").to())
			.isEqualTo(IncidentState.ACCEPTED);
		for (var stay : java.util.List.of(IncidentLifecycle.urge(IncidentState.CLAIMED, UrgeCard.RED),
				IncidentLifecycle.note(IncidentState.RESOLVED, "n"),
				IncidentLifecycle.keepClosed(IncidentState.RATED, true, "n"))) {
			assertThat(stay.to()).isEqualTo(stay.from());
		}
	}

	@Test
	void theStepsThatNeedAReasonOrAChoiceRefuseWithoutOne() {
		assertField(() -> IncidentLifecycle.handBack(IncidentState.ASSIGNED, " "), "note");
		assertField(() -> IncidentLifecycle.urge(IncidentState.CLAIMED, null), "card");
		assertField(() -> IncidentLifecycle.note(IncidentState.CLAIMED, null), "note");
		assertField(() -> IncidentLifecycle.requestExtension(IncidentState.CLAIMED, 0, "r"), "hours");
		assertField(() -> IncidentLifecycle.requestExtension(IncidentState.CLAIMED, 721, "r"), "hours");
		assertField(() -> IncidentLifecycle.requestExtension(IncidentState.CLAIMED, 24, ""), "note");
		assertField(() -> IncidentLifecycle.decideExtension(IncidentState.CLAIMED, null), "approve");
		assertField(() -> IncidentLifecycle.reopen(IncidentState.RATED, true, true, null), "note");
		assertThat(IncidentLifecycle.requestExtension(IncidentState.CLAIMED, 720, "r").to())
			.isEqualTo(IncidentState.CLAIMED);
	}

	@Test
	void onlyAnUnsatisfiedRatingAwaitingFollowUpIsReopenedOrKeptClosed() {
		assertThatThrownBy(() -> IncidentLifecycle.reopen(IncidentState.RATED, false, true, "x"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("NOT_UNSATISFIED"));
		assertThatThrownBy(() -> IncidentLifecycle.keepClosed(IncidentState.RATED, false, "x"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("NOT_UNSATISFIED"));
	}

	@Test
	void theDistrictIsTheTopTier() {
		assertThatThrownBy(() -> IncidentLifecycle.escalate(IncidentState.WHISTLED, Tier.DISTRICT))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("TOP_TIER"));
	}

	@Test
	void eachTierOwnsTheIncidentThroughItsNodeAboveTheGrid() {
		java.util.UUID city = java.util.UUID.randomUUID();
		java.util.UUID district = java.util.UUID.randomUUID();
		java.util.UUID street = java.util.UUID.randomUUID();
		java.util.UUID community = java.util.UUID.randomUUID();
		java.util.UUID grid = java.util.UUID.randomUUID();
		String path = "/" + city + "/" + district + "/" + street + "/" + community + "/" + grid + "/";
		assertThat(Tier.GRID.orgUnitAbove(path)).isEqualTo(grid);
		assertThat(Tier.COMMUNITY.orgUnitAbove(path)).isEqualTo(community);
		assertThat(Tier.STREET.orgUnitAbove(path)).isEqualTo(street);
		assertThat(Tier.DISTRICT.orgUnitAbove(path)).isEqualTo(district);
		assertThat(Tier.STREET.pathAbove(path)).isEqualTo("/" + city + "/" + district + "/" + street + "/");
		assertThat(Tier.DISTRICT.above()).isEmpty();
		assertThat(Tier.GRID.above()).contains(Tier.COMMUNITY);
	}

	private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable step, String field) {
		assertThatThrownBy(step).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.category()).isEqualTo(DomainException.Category.INVALID);
			assertThat(e.fieldProblems()).extracting(DomainException.FieldProblem::field).containsExactly(field);
		});
	}
}
