package org.zhizhi.partnership;

import java.time.LocalDate;
import java.util.UUID;

/** A yearly partnership agreement (共驻共建协议书) between a community and a partner unit. */
public record Agreement(UUID id, UUID partnerId, UUID communityId, int year, String commitments, Status status,
		UUID documentId, LocalDate signedOn) {

	public enum Status {
		DRAFT, SIGNED, TERMINATED
	}
}
