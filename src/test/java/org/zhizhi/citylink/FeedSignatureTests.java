package org.zhizhi.citylink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The signature a subscriber checks, against a value computed independently (openssl's HMAC-SHA256). */
class FeedSignatureTests {

	private static final byte[] SECRET = "whsec_test-secret-0123456789".getBytes(StandardCharsets.UTF_8);

	@Test
	void signsTimestampDotBodyWithHmacSha256InHex() {
		// printf '1781056800.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test-secret-0123456789'
		assertThat(new FeedSignature(SECRET).sign("1781056800", "{\"a\":1}"))
			.isEqualTo("sha256=6e0601c17fa1bb5f6378e978d2e2eb7ad5c1c2334440b1c0b7a189c02d6aad58");
	}

	@Test
	void verifiesItsOwnSignatureAndNothingElse() {
		FeedSignature signature = new FeedSignature(SECRET);
		String signed = signature.sign("1781056800", "{\"a\":1}");

		assertThat(signature.verifies("1781056800", "{\"a\":1}", signed)).isTrue();
		assertThat(signature.verifies("1781056801", "{\"a\":1}", signed)).as("another timestamp").isFalse();
		assertThat(signature.verifies("1781056800", "{\"a\":2}", signed)).as("another body").isFalse();
		assertThat(new FeedSignature("whsec_another-secret-000000".getBytes(StandardCharsets.UTF_8))
			.verifies("1781056800", "{\"a\":1}", signed)).as("another secret").isFalse();
		assertThat(signature.verifies("1781056800", "{\"a\":1}", null)).isFalse();
	}

	@Test
	void refusesAShortSecret() {
		assertThatThrownBy(() -> new FeedSignature(new byte[8])).isInstanceOf(IllegalArgumentException.class);
	}
}
