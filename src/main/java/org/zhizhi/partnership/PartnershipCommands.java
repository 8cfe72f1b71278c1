package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The requests of the partnership API, as records (boxed fields: a missing value is a field error, not a crash). */
public final class PartnershipCommands {

	private PartnershipCommands() {
	}

	public record NewPartner(UUID communityId, String name, PartnerType type, String partyOrgName, String address,
			Double lat, Double lng, String contactName, String contactPhone) {
	}

	public record NewAgreement(Integer year, String commitments) {
	}

	public record SignAgreement(UUID documentId, LocalDate signedOn) {
	}

	/** {@code offeredBy} names the offering unit of a resource (a liaison's own unit by default). */
	public record NewItem(UUID communityId, ItemKind kind, UUID offeredBy, String title, ItemCategory category,
			String description, BigDecimal quantity, Measure measure, LocalDate periodStart, LocalDate periodEnd,
			Double lat, Double lng) {
	}

	/**
	 * A claim: a unit on a need or project ({@code partnerId}, a liaison's own unit by default), or the item's
	 * community on a resource. Without {@code amount} the whole remaining quantity is claimed.
	 */
	public record ClaimItem(UUID partnerId, BigDecimal amount, LocalDate dueOn) {
	}

	public record ProgressNote(String note, UUID photoId) {
	}

	public record Completion(String note, UUID evidenceId, BigDecimal valueYuan, BigDecimal hours,
			Integer peopleServed) {
	}

	public record Acceptance(String note) {
	}

	/** The community refuses a delivery: why, for the deliverer (required). */
	public record SendBack(String reason) {
	}
}
