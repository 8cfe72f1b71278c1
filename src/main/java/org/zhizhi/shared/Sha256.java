package org.zhizhi.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one way the platform hashes tokens, keys, request bodies and documents; text is hashed as UTF-8. */
public final class Sha256 {

	private Sha256() {
	}

	/** The 32 bytes of the digest. */
	public static byte[] digest(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

	/** The 32 bytes of the digest of the text's UTF-8. */
	public static byte[] digest(String text) {
		return digest(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The digest as 64 lower-case hex digits. */
	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(digest(bytes));
	}

	/** The digest of the text's UTF-8 as 64 lower-case hex digits. */
	public static String hex(String text) {
		return HexFormat.of().formatHex(digest(text));
	}
}
