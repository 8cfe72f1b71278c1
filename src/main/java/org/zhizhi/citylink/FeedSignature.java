package org.zhizhi.citylink;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a subscriber checks: {@code sha256=<hex HMAC-SHA256 of timestamp + "." + body>} under the
 * subscriber's secret. The timestamp is inside the signed text so that a captured request cannot be replayed later
 * with a fresh timestamp; the subscriber refuses timestamps too far from its own clock.
 */
public record FeedSignature(byte[] secret) {

	public static final String PREFIX = "sha256=";

	public FeedSignature {
		if (secret == null || secret.length < 16) {
			throw new IllegalArgumentException("a signing secret has at least 16 bytes");
		}
		secret = secret.clone();
	}

	public String sign(String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) '.');
			return PREFIX + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}

	/** Whether a received signature is this secret's for the timestamp and body (compared in constant time). */
	public boolean verifies(String timestamp, String body, String signature) {
		if (signature == null || timestamp == null || body == null) {
			return false;
		}
		return MessageDigest.isEqual(sign(timestamp, body).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}
}
