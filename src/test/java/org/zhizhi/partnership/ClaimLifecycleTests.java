package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * Every action from every state of the pledge's table, without Spring: the allowed ones lead where the delivery goes,
 * the others are refused with the code and message the API has always answered; and who may take each step.
 */
class ClaimLifecycleTests {

	private static final Map<ClaimAction, Set<ClaimStatus>> FROM = Map.of(
			ClaimAction.PROGRESS, EnumSet.of(ClaimStatus.PLEDGED),
			ClaimAction.DELIVER, EnumSet.of(ClaimStatus.PLEDGED),
			ClaimAction.ACCEPT, EnumSet.of(ClaimStatus.DELIVERED),
			ClaimAction.SEND_BACK, EnumSet.of(ClaimStatus.DELIVERED));

	/** Where each allowed action leads (absent: it leaves the state as it is). */
	private static final Map<ClaimAction, ClaimStatus> TO = new EnumMap<>(Map.of(
			ClaimAction.DELIVER, ClaimStatus.DELIVERED,
			ClaimAction.ACCEPT, ClaimStatus.ACCEPTED,
			ClaimAction.SEND_BACK, ClaimStatus.PLEDGED));

	@Test
	void everyActionFromEveryStateLeadsWhereTheTableSaysOrIsRefusedNamingTheState() {
		assertThat(ClaimLifecycle.TABLE.actions()).isEqualTo(EnumSet.allOf(ClaimAction.class));
		assertThat(ClaimLifecycle.TABLE.states()).isEqualTo(EnumSet.allOf(ClaimStatus.class));
		for (ClaimAction action : ClaimAction.values()) {
			for (ClaimStatus state : ClaimStatus.values()) {
				if (FROM.get(action).contains(state)) {
					assertThat(ClaimLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state).isTrue();
					assertThat(ClaimLifecycle.TABLE.next(state, action)).as("%s from %s", action, state)
						.isEqualTo(TO.getOrDefault(action, state));
					ClaimLifecycle.TABLE.require(state, action);
				}
				else {
					assertThat(ClaimLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state).isFalse();
					assertRefused(state, action);
				}
			}
		}
	}

	@Test
	void aPledgeIsDeliveredThenAcceptedOrSentBackToBeDeliveredAgain() {
		ClaimStatus delivered = ClaimLifecycle.TABLE.next(ClaimStatus.PLEDGED, ClaimAction.DELIVER);
		assertThat(ClaimLifecycle.TABLE.next(delivered, ClaimAction.SEND_BACK)).isEqualTo(ClaimStatus.PLEDGED);
		assertThat(ClaimLifecycle.TABLE.next(delivered, ClaimAction.ACCEPT)).isEqualTo(ClaimStatus.ACCEPTED);
		assertThat(ClaimLifecycle.TABLE.actionsFrom(ClaimStatus.PLEDGED))
			.containsExactlyInAnyOrder(ClaimAction.PROGRESS, ClaimAction.DELIVER);
		assertThat(ClaimLifecycle.TABLE.actionsFrom(ClaimStatus.DELIVERED))
			.containsExactlyInAnyOrder(ClaimAction.ACCEPT, ClaimAction.SEND_BACK);
	}

	@Test
	void anAcceptedPledgeIsFinal() {
		assertThat(ClaimLifecycle.TABLE.actionsFrom(ClaimStatus.ACCEPTED)).isEmpty();
	}

	@Test
	void staffAndLiaisonsDeliverOnlyStaffAcceptOrSendBack() {
		for (ClaimAction action : EnumSet.of(ClaimAction.PROGRESS, ClaimAction.DELIVER)) {
			assertThat(ClaimLifecycle.TABLE.mayTake(Set.of(Role.PARTNER_LIAISON), action)).as("%s", action).isTrue();
			assertThat(ClaimLifecycle.TABLE.mayTake(Set.of(Role.COMMUNITY_STAFF), action)).as("%s", action).isTrue();
		}
		for (ClaimAction action : EnumSet.of(ClaimAction.ACCEPT, ClaimAction.SEND_BACK)) {
			assertThat(ClaimLifecycle.TABLE.mayTake(Set.of(Role.PARTNER_LIAISON), action)).as("%s", action).isFalse();
			for (Role staff : PartnershipManagement.STAFF) {
				assertThat(ClaimLifecycle.TABLE.mayTake(Set.of(staff), action)).as("%s %s", staff, action).isTrue();
			}
		}
		for (Role role : EnumSet.of(Role.RESIDENT, Role.GRID_WORKER, Role.PARTY_MEMBER, Role.PROPERTY_STAFF,
				Role.AUDITOR, Role.SECURITY_ADMIN)) {
			for (ClaimAction action : ClaimAction.values()) {
				assertThat(ClaimLifecycle.TABLE.mayTake(Set.of(role), action)).as("%s %s", role, action).isFalse();
			}
		}
	}

	private static void assertRefused(ClaimStatus state, ClaimAction action) {
		assertThatThrownBy(() -> ClaimLifecycle.TABLE.next(state, action)).as("%s from %s", action, state)
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
		// the table's one refusal, the commands' too: the pledge's state by name, which the pages put in words
		assertThatThrownBy(() -> ClaimLifecycle.TABLE.require(state, action)).as("%s from %s", action, state)
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
				assertThat(e.category()).isEqualTo(DomainException.Category.CONFLICT);
				assertThat(e.messageKey()).isEqualTo("partnership.claimState");
				assertThat(e.args()).containsExactly(state.name(), action.name());
			});
	}
}
