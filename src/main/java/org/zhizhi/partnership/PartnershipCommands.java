package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.PlausibleDate;

/**
 * The requests of the partnership API, as records (boxed fields: a missing value is a field error, not a crash). Their
 * shape — what is required, how long, which numbers — is on their components (Bean Validation, checked by
 * {@code shared.CommandShape}); what depends on the item, the community or today stays with the commands
 * ({@link ListItems}, {@link Claims}, {@link Partners}) and the aggregates.
 */
public final class PartnershipCommands {

	static final String REQUIRED = "{validation.required}";

	/** The message names the bound: "不能超过 {0} 个字". */
	static final String TOO_LONG = "{partnership.tooLong}";

	static final String QUANTITY = "{partnership.quantity}";

	static final String NON_NEGATIVE = "{partnership.nonNegative}";

	private PartnershipCommands() {
	}

	public record NewPartner(UUID communityId, @HasText(message = REQUIRED) @Size(max = 128, message = TOO_LONG) String name,
			@NotNull(message = REQUIRED) PartnerType type, @Size(max = 128, message = TOO_LONG) String partyOrgName,
			@Size(max = 256, message = TOO_LONG) String address, Double lat, Double lng,
			@Size(max = 64, message = TOO_LONG) String contactName,
			@Pattern(regexp = "\\s*|\\s*[0-9+\\- ]{5,32}\\s*", message = "{partnership.phone}") String contactPhone) {
	}

	/** @param year checked against this year by {@link Partners} */
	public record NewAgreement(Integer year,
			@HasText(message = REQUIRED) @Size(max = 4000, message = TOO_LONG) String commitments) {
	}

	public record SignAgreement(@NotNull(message = "{partnership.documentRequired}") UUID documentId,
			@PlausibleDate LocalDate signedOn) {
	}

	/** {@code offeredBy} names the offering unit of a resource (a liaison's own unit by default). */
	public record NewItem(UUID communityId, @NotNull(message = REQUIRED) ItemKind kind, UUID offeredBy,
			@HasText(message = REQUIRED) @Size(max = 128, message = TOO_LONG) String title,
			@NotNull(message = REQUIRED) ItemCategory category,
			@Size(max = 4000, message = TOO_LONG) String description,
			// below a thousand million, at most two decimals: nine integer digits
			@NotNull(message = QUANTITY) @Positive(message = QUANTITY) @Digits(integer = 9, fraction = 2,
					message = QUANTITY) BigDecimal quantity,
			@NotNull(message = REQUIRED) Measure measure, @NotNull(message = REQUIRED) @PlausibleDate LocalDate periodStart,
			@NotNull(message = "{partnership.periodEnd}") @PlausibleDate LocalDate periodEnd, Double lat, Double lng) {
	}

	/**
	 * A claim: a unit on a need or project ({@code partnerId}, a liaison's own unit by default), or the item's
	 * community on a resource. Without {@code amount} the whole remaining quantity is claimed.
	 */
	public record ClaimItem(UUID partnerId,
			@Positive(message = QUANTITY) @Digits(integer = 12, fraction = 2, message = QUANTITY) BigDecimal amount,
			@PlausibleDate LocalDate dueOn) {
	}

	public record ProgressNote(@HasText(message = REQUIRED) @Size(max = 2000, message = TOO_LONG) String note,
			UUID photoId) {
	}

	public record Completion(@HasText(message = REQUIRED) @Size(max = 2000, message = TOO_LONG) String note,
			UUID evidenceId,
			@PositiveOrZero(message = NON_NEGATIVE) @Digits(integer = 12, fraction = 2,
					message = NON_NEGATIVE) BigDecimal valueYuan,
			@PositiveOrZero(message = NON_NEGATIVE) @Digits(integer = 9, fraction = 1,
					message = NON_NEGATIVE) BigDecimal hours,
			@PositiveOrZero(message = NON_NEGATIVE) Integer peopleServed) {
	}

	/** The community's word on a delivery it accepts (optional; a long one is cut to 2,000 characters). */
	public record Acceptance(String note) {
	}

	/** The community refuses a delivery: why, for the deliverer (required). */
	public record SendBack(@HasText(message = "{partnership.sendBackReason}") @Size(max = 2000,
			message = TOO_LONG) String reason) {
	}
}
