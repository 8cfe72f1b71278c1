package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhizhi.partnership.Agreement.Status;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/** Every action from every state of the yearly agreement's table, without Spring: a draft is signed, nothing else. */
class AgreementLifecycleTests {

	@Test
	void everyActionFromEveryStateLeadsWhereTheTableSaysOrIsRefusedNamingTheState() {
		assertThat(AgreementLifecycle.TABLE.actions()).containsExactly(AgreementAction.values());
		for (AgreementAction action : AgreementAction.values()) {
			for (Status state : Status.values()) {
				if (state == Status.DRAFT) {
					assertThat(AgreementLifecycle.TABLE.allows(state, action)).isTrue();
					assertThat(AgreementLifecycle.TABLE.next(state, action)).isEqualTo(Status.SIGNED);
					AgreementLifecycle.TABLE.require(state, action);
				}
				else {
					assertThat(AgreementLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state)
						.isFalse();
					assertThatThrownBy(() -> AgreementLifecycle.TABLE.next(state, action))
						.as("%s from %s", action, state)
						.isInstanceOfSatisfying(DomainException.class,
								e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
					// the table's one refusal, the command's too: the state by name, which the pages put in words
					assertThatThrownBy(() -> AgreementLifecycle.TABLE.require(state, action))
						.as("%s from %s", action, state)
						.isInstanceOfSatisfying(DomainException.class, e -> {
							assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
							assertThat(e.category()).isEqualTo(DomainException.Category.CONFLICT);
							assertThat(e.messageKey()).isEqualTo("partnership.agreementNotDraft");
							assertThat(e.args()).containsExactly(state.name(), action.name());
						});
				}
			}
		}
	}

	@Test
	void signedAndTerminatedAgreementsTakeNoStep() {
		assertThat(AgreementLifecycle.TABLE.actionsFrom(Status.SIGNED)).isEmpty();
		assertThat(AgreementLifecycle.TABLE.actionsFrom(Status.TERMINATED)).isEmpty();
	}

	@Test
	void onlyStaffSign() {
		for (Role role : Role.values()) {
			assertThat(AgreementLifecycle.TABLE.mayTake(Set.of(role), AgreementAction.SIGN)).as("%s", role)
				.isEqualTo(PartnershipManagement.STAFF.contains(role));
		}
	}
}
