package org.zhizhi.partnership;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.partnership.PartnershipManagement.Access;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * The one answer to "what may this person do with this agreement now": the steps {@link AgreementLifecycle} allows
 * from its state to his roles — a draft is signed by the community's staff (of the scope it was read in), never by a
 * unit's liaison, who reads his unit's agreements. The desk offers exactly {@link #allowedActions}; the command
 * ({@link Partners#signAgreement}) throws {@link #refusal}.
 */
public final class AgreementPolicy {

	private AgreementPolicy() {
	}

	public static Set<AgreementAction> allowedActions(Access access, Agreement agreement) {
		Set<AgreementAction> actions = EnumSet.noneOf(AgreementAction.class);
		for (AgreementAction action : AgreementLifecycle.TABLE.actionsFrom(agreement.status())) {
			if (refusalBeforeReading(access, action) == null) {
				actions.add(action);
			}
		}
		return actions;
	}

	/**
	 * Why the actor may not take the step on the agreement, or null if he may; the command throws it, the desk leaves
	 * the step out. That the agreement is still a draft is its own to refuse.
	 */
	public static DomainException refusal(Access access, PartnershipAgreement agreement, AgreementAction action) {
		return refusalBeforeReading(access, action);
	}

	/**
	 * Refuses whoever may not take the step on any agreement: only the staff sign (403 before the agreement is read,
	 * whatever the id); the scope it is read in is the rest of their relation. Null if the agreement decides.
	 */
	public static DomainException refusalBeforeReading(Access access, AgreementAction action) {
		return AgreementLifecycle.TABLE.mayTake(access.roles(), action) && access.staff() ? null
				: new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
	}
}
