package org.zhizhi.servicepoint;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/** The shapes of the service points' commands. */
public final class ServicePointCommands {

	static final String REQUIRED = "{validation.required}";

	static final String LENGTH = "{servicepoint.length}";

	static final String RANGE = "{servicepoint.range}";

	static final String PHONE = "^$|^[0-9][0-9 -]{5,18}[0-9]$";

	private ServicePointCommands() {
	}

	/** A point of a node of the desk's scope, where it is, when it is open and what it offers. */
	public record NewPoint(@NotNull(message = REQUIRED) UUID orgUnitId,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 60, message = LENGTH) String name,
			@NotNull(message = REQUIRED) PointKind kind,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 200, message = LENGTH) String address,
			@NotNull(message = REQUIRED) @Latitude(message = "{incident.badLat}") Double lat,
			@NotNull(message = REQUIRED) @Longitude(message = "{incident.badLng}") Double lng,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 100, message = LENGTH) String hours,
			@Pattern(regexp = PHONE, message = "{servicepoint.badPhone}") String phone, List<String> services) {
	}

	public record NewRoom(@HasText(message = REQUIRED) @TextLength(min = 2, max = 40, message = LENGTH) String name,
			@NotNull(message = REQUIRED) @Min(value = 1, message = RANGE) @Max(value = 2000, message = RANGE) Integer capacity,
			@TextLength(min = 0, max = 200, message = LENGTH) String purpose) {
	}

	/** A line of the weekly roster: at a point, or (pointId null) on the hotline of the node {@code orgUnitId}. */
	public record NewDuty(UUID pointId, UUID orgUnitId,
			@NotNull(message = REQUIRED) @Min(value = 1, message = RANGE) @Max(value = 7, message = RANGE) Integer weekday,
			@NotNull(message = REQUIRED) LocalTime starts, @NotNull(message = REQUIRED) LocalTime ends,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 100, message = LENGTH) String personName,
			UUID accountId, @TextLength(min = 0, max = 40, message = LENGTH) String roleNote) {
	}

	/** A room booked for an activity, from when to when, for about how many people. */
	public record NewBooking(@NotNull(message = REQUIRED) UUID roomId,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 60, message = LENGTH) String title,
			@NotNull(message = REQUIRED) @PlausibleDate Instant startsAt,
			@NotNull(message = REQUIRED) @PlausibleDate Instant endsAt,
			@NotNull(message = REQUIRED) @Min(value = 1, message = RANGE) @Max(value = 2000, message = RANGE) Integer expected) {
	}

	/** How many came to a booked activity. */
	public record Attendance(@NotNull(message = REQUIRED) @Min(value = 0, message = RANGE)
			@Max(value = 5000, message = RANGE) Integer attendance) {
	}
}
