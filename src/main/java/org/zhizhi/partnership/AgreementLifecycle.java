package org.zhizhi.partnership;

import static org.zhizhi.partnership.Agreement.Status.DRAFT;
import static org.zhizhi.partnership.Agreement.Status.SIGNED;

import java.util.EnumSet;

import org.zhizhi.partnership.Agreement.Status;
import org.zhizhi.shared.Lifecycle;

/**
 * The yearly agreement's life cycle as a table ({@link Lifecycle}): DRAFT → SIGNED, by staff. No step leads to
 * TERMINATED yet. {@link PartnershipAgreement} asks it in its step method, before the versioned save; a refusal is
 * the table's: 409 {@code ILLEGAL_TRANSITION} with {@code partnership.agreementNotDraft}, naming the agreement's state.
 */
public final class AgreementLifecycle {

	public static final Lifecycle<Status, AgreementAction> TABLE = Lifecycle
		.of(Status.class, AgreementAction.class, "partnership.agreementNotDraft")
		.step(AgreementAction.SIGN, EnumSet.of(DRAFT), SIGNED, PartnershipRoles.STAFF)
		.build();

	private AgreementLifecycle() {
	}
}
