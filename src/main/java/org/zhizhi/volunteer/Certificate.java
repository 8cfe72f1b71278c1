package org.zhizhi.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A certificate of service hours (志愿服务记录证明, 民政部令第67号): issued in the name of the team that recorded the
 * hours (谁记录谁证明), with what the rules name — the volunteer's name, ID type and masked number, volunteer number,
 * hours, what he did, the issuer, its handler and contact, the certificate's number and date. Frozen as issued.
 */
public record Certificate(UUID id, String number, UUID teamId, String teamName, String orgUnitName, String scopePath,
		UUID personId, String personName, String volunteerNumber, String idType, String idMasked, int minutes,
		int activities, LocalDate servedFrom, LocalDate servedTo, String content, String handlerName, String contact,
		UUID issuedBy, Instant issuedAt) {

	/** The hours as printed: whole hours and tenths, e.g. 12.5. */
	@com.fasterxml.jackson.annotation.JsonProperty
	public String hours() {
		return hoursOf(minutes);
	}

	/** Minutes as hours to a tenth, rounded down (a certificate never says more than was served): 56.1 for 3,370. */
	public static String hoursOf(long minutes) {
		return java.math.BigDecimal.valueOf(minutes)
			.divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.DOWN)
			.toPlainString();
	}

	/** The holder's name as a public notice shows it. */
	public String maskedName() {
		return org.zhizhi.people.PersonalData.maskName(personName);
	}
}
