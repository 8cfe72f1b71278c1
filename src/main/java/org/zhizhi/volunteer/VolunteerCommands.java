package org.zhizhi.volunteer;

import java.time.Instant;
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

/** The shapes of the volunteer commands. */
public final class VolunteerCommands {

	static final String REQUIRED = "{validation.required}";

	static final String LENGTH = "{volunteer.length}";

	static final String RANGE = "{volunteer.range}";

	/** A phone number as people write it: digits with an area code's hyphen or an extension, 7 to 20 characters. */
	static final String CONTACT = "^$|^[0-9][0-9 -]{5,18}[0-9]$";

	private VolunteerCommands() {
	}

	/** A team of a node of the desk's scope, led by an account of that scope or a person the desk names. */
	public record NewTeam(@NotNull(message = REQUIRED) UUID orgUnitId,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 60, message = LENGTH) String name,
			@NotNull(message = REQUIRED) TeamKind kind, UUID leaderId,
			@TextLength(min = 0, max = 100, message = LENGTH) String leaderName,
			@TextLength(min = 0, max = 500, message = LENGTH) String description,
			@Pattern(regexp = CONTACT, message = "{volunteer.badContact}") String contact) {
	}

	/**
	 * What the leader or the desk sets of a team: the contact its certificates print (a phone number, 联系方式 of
	 * 民政部令第67号), whether it recruits, and what help it seeks.
	 */
	public record TeamSettings(@Pattern(regexp = CONTACT, message = "{volunteer.badContact}") String contact,
			@NotNull(message = REQUIRED) Boolean recruiting,
			@TextLength(min = 0, max = 500, message = LENGTH) String recruitment) {
	}

	/** An activity of a team: what, where (a position), when, how many places. */
	public record NewActivity(@NotNull(message = REQUIRED) UUID teamId,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 60, message = LENGTH) String title,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 1000, message = LENGTH) String description,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 200, message = LENGTH) String place,
			@NotNull(message = REQUIRED) @Latitude(message = "{incident.badLat}") Double lat,
			@NotNull(message = REQUIRED) @Longitude(message = "{incident.badLng}") Double lng,
			@NotNull(message = REQUIRED) @PlausibleDate Instant startsAt,
			@NotNull(message = REQUIRED) @PlausibleDate Instant endsAt,
			@NotNull(message = REQUIRED) @Min(value = 1, message = RANGE) @Max(value = 10000, message = RANGE) Integer slots) {
	}

	/** On the spot: the organiser's code of the moment and where the phone is. */
	public record OnTheSpot(@HasText(message = REQUIRED) String code,
			@NotNull(message = REQUIRED) @Latitude(message = "{incident.badLat}") Double lat,
			@NotNull(message = REQUIRED) @Longitude(message = "{incident.badLng}") Double lng) {
	}

	/** A correction of approved hours, asked with its reason. */
	public record CorrectionRequest(@NotNull(message = REQUIRED) @Min(value = 0, message = RANGE)
			@Max(value = 1440, message = RANGE) Integer minutes,
			@HasText(message = REQUIRED) @TextLength(min = 4, max = 500, message = LENGTH) String reason) {
	}

	/** The organiser's answer to a correction, with a note. */
	public record CorrectionDecision(@NotNull(message = REQUIRED) Boolean accepted,
			@TextLength(min = 0, max = 500, message = LENGTH) String note) {
	}
}
