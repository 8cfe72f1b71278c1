package org.zhizhi.citylink;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;
import org.zhizhi.shared.TextLength;

/** The shapes of the city platform links' commands. */
public final class CitylinkCommands {

	static final String REQUIRED = "{validation.required}";

	static final String LENGTH = "{citylink.length}";

	/** A mobile or fixed-line number as the hotline records it (digits, spaces, dashes, an optional +86). */
	static final String PHONE = "^$|^\\+?[0-9][0-9 -]{5,18}[0-9]$";

	/** An external id as the platforms write them: letters, digits and a few separators, no spaces. */
	static final String EXTERNAL_ID = "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$";

	private CitylinkCommands() {
	}

	/**
	 * A webhook of the admin's district: where to POST, which kinds it hears ({@link FeedKinds#patterns}), and — for
	 * the city platform's own callback — the source whose orders' steps alone it hears.
	 */
	public record AddSubscriber(
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 60, message = LENGTH) String name,
			@HasText(message = REQUIRED) @TextLength(min = 10, max = 500, message = LENGTH) String url,
			@NotNull(message = REQUIRED) @Size(min = 1, max = 50, message = "{citylink.kindsNeeded}") List<String> kinds,
			OrderSource source) {
	}

	/** A key a city platform sends its orders with, for one source. */
	public record AddPlatformLink(
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 60, message = LENGTH) String name,
			@NotNull(message = REQUIRED) OrderSource source) {
	}

	/**
	 * A work order as a city platform hands it over: its own id, what and where (a position is needed to find the
	 * grid; the address is kept beside it), the caller's contact (kept sealed) and the deadline the platform set, which
	 * binds the incident.
	 */
	public record ReceiveOrder(@NotNull(message = REQUIRED) OrderSource source,
			@HasText(message = REQUIRED) @Pattern(regexp = EXTERNAL_ID, message = "{citylink.badExternalId}") String externalId,
			@HasText(message = REQUIRED) String categoryCode,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 1700, message = LENGTH) String description,
			@TextLength(min = 0, max = 200, message = LENGTH) String address,
			@NotNull(message = REQUIRED) @Latitude(message = "{incident.badLat}") Double lat,
			@NotNull(message = REQUIRED) @Longitude(message = "{incident.badLng}") Double lng,
			@TextLength(min = 0, max = 40, message = LENGTH) String contactName,
			@Pattern(regexp = PHONE, message = "{citylink.badPhone}") String contactPhone,
			// judged against the moment the order arrives (OrderDeadline), not by shape
			Instant deadline) {
	}
}
