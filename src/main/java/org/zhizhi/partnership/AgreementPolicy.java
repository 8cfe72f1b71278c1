package org.zhizhi.partnership;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.partnership.PartnershipManagement.Access;

/**
 * The one answer to "what may this person do with this agreement now": the steps {@link AgreementLifecycle} allows
 * from its state to his roles — a draft is signed by the community's staff (of the scope it was read in), never by a
 * unit's liaison, who reads his unit's agreements. The desk offers exactly {@link #allowedActions}.
 */
public final class AgreementPolicy {

	private AgreementPolicy() {
	}

	public static Set<AgreementAction> allowedActions(Access access, Agreement agreement) {
		Set<AgreementAction> actions = EnumSet.noneOf(AgreementAction.class);
		for (AgreementAction action : AgreementLifecycle.TABLE.actionsFrom(agreement.status())) {
			if (AgreementLifecycle.TABLE.mayTake(access.roles(), action) && access.staff()) {
				actions.add(action);
			}
		}
		return actions;
	}
}
