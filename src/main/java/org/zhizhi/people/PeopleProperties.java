package org.zhizhi.people;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The keys for residents' personal data, configured under {@code zhizhi.people.*} (application.properties:
 * {@code ZHIZHI_PEOPLE_DATA_KEY}, {@code ZHIZHI_PEOPLE_HASH_KEY}); registered by {@link PersonalDataCipher}, which also
 * checks the data key's length. Never logged.
 *
 * @param dataKey the AES-256-GCM key for ID numbers and phones, 32 bytes in base64; required
 * @param hashKey the HMAC key for the search hashes, in base64; empty = derived from the data key
 */
@Validated
@ConfigurationProperties("zhizhi.people")
record PeopleProperties(@NotBlank(message = "must be set") String dataKey, @DefaultValue("") String hashKey) {

	PeopleProperties {
		hashKey = hashKey == null ? "" : hashKey;
	}

	@Override
	public String toString() {
		return "PeopleProperties[dataKey=******, hashKey=******]";
	}
}
