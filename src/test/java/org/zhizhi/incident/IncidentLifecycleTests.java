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
			Map.entry(IncidentAction.RATE, s -> IncidentLifecycle.rate(s, Rating.SATISFIED, null)));

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
			Map.entry(IncidentAction.RATE, EnumSet.of(IncidentState.CLOSED)));

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
	void theHaversineDistanceIsInMetres() {
		assertThat(GeoDistance.metres(29.4, 106.5, 29.4, 106.5)).isZero();
		// one hundredth of a degree of latitude is about 1112 m
		assertThat(GeoDistance.metres(29.4, 106.5, 29.41, 106.5)).isBetween(1110.0, 1113.0);
		// Beijing to Shanghai, about 1067 km
		assertThat(GeoDistance.metres(39.9042, 116.4074, 31.2304, 121.4737) / 1000).isBetween(1060.0, 1075.0);
	}
}
