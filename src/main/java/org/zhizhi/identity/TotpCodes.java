package org.zhizhi.identity;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * RFC 6238 codes as every authenticator app makes them (HMAC-SHA1, 6 digits, 30-second steps), checked the way 等保
 * asks: a code of the step before or after now is accepted too (a phone's clock drifts, a code is typed while it
 * changes), and never a step at or before the last one accepted, so an overheard code cannot be used again. No
 * Spring, no SQL: the service passes the last step in and stores the step this returns.
 */
public final class TotpCodes {

	public static final Duration STEP = Duration.ofSeconds(30);

	/** 160 bits, the HMAC-SHA1 block RFC 4226 recommends. */
	static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP);

	public static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	public static long stepOf(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
	}

	/** The code an authenticator app shows at this instant. */
	public String codeAt(byte[] secret, Instant instant) {
		try {
			int code = generator.generateOneTimePassword(new SecretKeySpec(secret, "HmacSHA1"), instant);
			return String.format("%06d", code);
		}
		catch (java.security.InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The step of now, the one before or the one after whose code this is and which is later than {@code lastStep};
	 * empty for a wrong code, a malformed one or a replay.
	 */
	public OptionalLong matchingStep(byte[] secret, String code, Instant now, long lastStep) {
		if (code == null || !code.strip().matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		byte[] typed = code.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		long current = stepOf(now);
		for (long step = current - 1; step <= current + 1; step++) {
			byte[] expected = codeAt(secret, Instant.ofEpochSecond(step * STEP.toSeconds()))
				.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
			// compared in constant time; a step already used is refused only after the comparison, same timing
			if (MessageDigest.isEqual(expected, typed) && step > lastStep) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}
}
