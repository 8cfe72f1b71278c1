package org.zhizhi.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhizhi.partnership.Agreement.Status;

/** The community's staff signed the year's agreement, with the signed document, on {@code signedOn}. */
public record AgreementSigned(UUID agreementId, UUID partnerId, UUID communityId, int year, Status from, Status to,
		UUID documentId, LocalDate signedOn, UUID by, Instant at) implements AgreementEvent {
}
