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
	private static final Map<IncidentAction, Function<IncidentState, Transition>> STEPS = Map.of(
			IncidentAction.ACCEPT, IncidentLifecycle::accept,
			IncidentAction.REJECT, s -> IncidentLifecycle.reject(s, RejectReason.DUPLICATE),
			IncidentAction.TRIAGE, s -> IncidentLifecycle.triage(s, Triage.COMMUNITY, null),
			IncidentAction.CLOSE, s -> IncidentLifecycle.triage(s, Triage.PRIVATE, "advice given"),
			IncidentAction.WHISTLE, s -> IncidentLifecycle.whistle(s, WhistleType.QUICK),
			IncidentAction.CLAIM, IncidentLifecycle::claim);

	private static final Map<IncidentAction, Set<IncidentState>> LEGAL_FROM = Map.of(
			IncidentAction.ACCEPT, EnumSet.of(IncidentState.REPORTED),
			IncidentAction.REJECT, EnumSet.of(IncidentState.REPORTED),
			IncidentAction.TRIAGE, EnumSet.of(IncidentState.ACCEPTED),
			IncidentAction.CLOSE, EnumSet.of(IncidentState.ACCEPTED),
			IncidentAction.WHISTLE, EnumSet.of(IncidentState.TRIAGED),
			IncidentAction.CLAIM, EnumSet.of(IncidentState.WHISTLED));

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
}
