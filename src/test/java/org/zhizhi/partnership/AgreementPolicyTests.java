package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.partnership.ClaimPolicyTests.SCHOOL_LIAISON;
import static org.zhizhi.partnership.ClaimPolicyTests.STAFF;
import static org.zhizhi.partnership.ClaimPolicyTests.STREET;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.partnership.Agreement.Status;
import org.zhizhi.shared.DomainException.Category;

/** Every action on an agreement in every state, without Spring: the staff sign a draft; a liaison signs nothing. */
class AgreementPolicyTests {

	@Test
	void theStaffSignADraftAndNothingElse() {
		for (Status state : Status.values()) {
			Agreement agreement = new Agreement(UUID.randomUUID(), SCHOOL_LIAISON.partnerId(), UUID.randomUUID(), 2026,
					"共建", state, null, null);
			for (var staff : new PartnershipManagement.Access[] { STAFF, STREET }) {
				if (state == Status.DRAFT) {
					assertThat(AgreementPolicy.allowedActions(staff, agreement)).containsExactly(AgreementAction.SIGN);
				}
				else {
					assertThat(AgreementPolicy.allowedActions(staff, agreement)).as("%s", state).isEmpty();
				}
			}
			assertThat(AgreementPolicy.allowedActions(SCHOOL_LIAISON, agreement)).as("liaison, %s", state).isEmpty();
		}
	}

	@Test
	void theCommandRefusesALiaisonBeforeReadingTheAgreementAndTheStaffNever() {
		PartnershipAgreement draft = new PartnershipAgreement(UUID.randomUUID(), SCHOOL_LIAISON.partnerId(),
				UUID.randomUUID(), 2026, Status.DRAFT, null, null, 0);
		assertThat(AgreementPolicy.refusal(STAFF, draft, AgreementAction.SIGN)).isNull();
		assertThat(AgreementPolicy.refusal(STREET, draft, AgreementAction.SIGN)).isNull();
		assertThat(AgreementPolicy.refusalBeforeReading(SCHOOL_LIAISON, AgreementAction.SIGN))
			.satisfies(e -> assertThat(e.code()).isEqualTo("FORBIDDEN"))
			.satisfies(e -> assertThat(e.category()).isEqualTo(Category.FORBIDDEN));
		assertThat(AgreementPolicy.refusal(SCHOOL_LIAISON, draft, AgreementAction.SIGN)).isNotNull();
	}
}
