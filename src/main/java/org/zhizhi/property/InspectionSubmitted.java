package org.zhizhi.property;

import java.time.Instant;
import java.util.UUID;

/** A monthly inspection was submitted with its score and how many findings it made (each an order to rectify). */
public record InspectionSubmitted(UUID inspectionId, UUID companyId, UUID estateId, int awarded, int possible,
		int findings, Instant at) {
}
