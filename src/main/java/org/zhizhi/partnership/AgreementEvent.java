package org.zhizhi.partnership;

import java.time.Instant;
import java.util.UUID;

import org.zhizhi.partnership.Agreement.Status;

/**
 * What happened to a yearly agreement, registered by {@link PartnershipAgreement} and published by its repository
 * after the save, inside the step's transaction. Drafting creates the agreement and is no step.
 */
public sealed interface AgreementEvent permits AgreementSigned {

	UUID agreementId();

	UUID partnerId();

	UUID communityId();

	Status from();

	Status to();

	UUID by();

	Instant at();
}
