package org.zhizhi.partnership;

import static org.zhizhi.partnership.Agreement.Status.DRAFT;
import static org.zhizhi.partnership.Agreement.Status.SIGNED;

import java.util.EnumSet;

import org.zhizhi.partnership.Agreement.Status;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Lifecycle;

/**
 * The yearly agreement's life cycle as a table ({@link Lifecycle}): DRAFT → SIGNED, by staff. No step leads to
 * TERMINATED yet. {@link Partners} asks it before the conditional UPDATE, whose row count still decides a race; a
 * refusal is 409 {@code ILLEGAL_TRANSITION} with {@code partnership.agreementNotDraft}, naming the agreement's state
 * as the state itself ({@link #notDraft}).
 */
public final class AgreementLifecycle {

	public static final Lifecycle<Status, AgreementAction> TABLE = Lifecycle
		.of(Status.class, AgreementAction.class, "partnership.agreementNotDraft")
		.step(AgreementAction.SIGN, EnumSet.of(DRAFT), SIGNED, PartnershipRoles.STAFF)
		.build();

	private AgreementLifecycle() {
	}

	/** Refuses the action from a state the table does not allow it from. */
	public static void require(Status current, AgreementAction action) {
		if (!TABLE.allows(current, action)) {
			throw notDraft(current);
		}
	}

	/** The refusal of a signature: 409 {@code ILLEGAL_TRANSITION} naming the agreement's state. */
	public static DomainException notDraft(Status current) {
		return new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "partnership.agreementNotDraft", current);
	}
}
