package org.zhizhi.property;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/** The shapes of the property commands. */
public final class PropertyCommands {

	static final String REQUIRED = "{validation.required}";

	static final String LENGTH = "{property.length}";

	static final String RANGE = "{property.range}";

	private PropertyCommands() {
	}

	/** A company registered at a district or street of the caller's scope (its unit answers whistles there). */
	public record NewCompany(@NotNull(message = REQUIRED) UUID orgUnitId,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 100, message = LENGTH) String name,
			@HasText(message = REQUIRED) @Pattern(regexp = "^[0-9A-Z]{6,40}$",
					message = "{property.badLicence}") String licenceNo,
			@TextLength(min = 0, max = 50, message = LENGTH) String contactName,
			@Pattern(regexp = "^$|^[0-9][0-9 -]{5,18}[0-9]$", message = "{property.badPhone}") String contactPhone,
			@NotNull(message = REQUIRED) PartyOrg partyOrg) {
	}

	/** The company manages an estate of the caller's scope from one day to another. */
	public record NewContract(@NotNull(message = REQUIRED) UUID estateId,
			@NotNull(message = REQUIRED) @PlausibleDate LocalDate startsOn,
			@NotNull(message = REQUIRED) @PlausibleDate LocalDate endsOn) {
	}

	/** A 红色管家 of the company, at one of its estates or for all. */
	public record NewSteward(@HasText(message = REQUIRED) @TextLength(min = 2, max = 50, message = LENGTH) String name,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 50, message = LENGTH) String post,
			@NotNull(message = REQUIRED) Boolean partyMember, UUID estateId) {
	}

	public record NewMember(@HasText(message = REQUIRED) @TextLength(min = 2, max = 50, message = LENGTH) String name,
			@NotNull(message = REQUIRED) CommitteePosition position, @NotNull(message = REQUIRED) Boolean partyMember) {
	}

	/** An owners' committee of an estate for its term, with its members. */
	public record NewCommittee(@NotNull(message = REQUIRED) UUID estateId,
			@NotNull(message = REQUIRED) @PlausibleDate LocalDate termStarts,
			@NotNull(message = REQUIRED) @PlausibleDate LocalDate termEnds,
			@NotEmpty(message = REQUIRED) List<@Valid NewMember> members) {
	}

	/** An inspection of an estate of a company starts on site. */
	public record StartInspection(@NotNull(message = REQUIRED) UUID companyId,
			@NotNull(message = REQUIRED) UUID estateId, @Latitude(message = "{incident.badLat}") Double lat,
			@Longitude(message = "{incident.badLng}") Double lng) {
	}

	/** A failed criterion of the checklist, what was found, where. */
	public record RecordFinding(@HasText(message = REQUIRED) String criterionCode,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 500, message = LENGTH) String note,
			@NotNull(message = "{property.findingNeedsPosition}") @Latitude(message = "{incident.badLat}") Double lat,
			@NotNull(message = "{property.findingNeedsPosition}") @Longitude(message = "{incident.badLng}") Double lng) {
	}

	/** The inspector's check of an answered rectification: done, or back to the company with what is missing. */
	public record CheckRectification(@NotNull(message = REQUIRED) Boolean passed,
			@TextLength(min = 0, max = 500, message = LENGTH) String note) {
	}

	/** The yearly rating of a company, from its quarters; the title only where the grade allows it. */
	public record RateCompany(@NotNull(message = REQUIRED) @Min(value = 2000, message = RANGE)
			@Max(value = 2100, message = RANGE) Integer year, Boolean title) {
	}
}
