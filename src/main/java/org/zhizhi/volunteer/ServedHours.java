package org.zhizhi.volunteer;

import java.util.UUID;

/** One person's approved hours with one team: what a certificate would count. */
public record ServedHours(UUID teamId, String teamName, UUID personId, String personName, long minutes,
		int activities) {

	/** As the certificate will print them. */
	@com.fasterxml.jackson.annotation.JsonProperty
	public String hours() {
		return Certificate.hoursOf(minutes);
	}
}
