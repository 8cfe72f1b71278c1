package org.zhizhi.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.zhizhi.shared.Sha256;

/**
 * The one-time codes that let a staff member in when his phone is lost, shown once at enrolment: ten of 16 base32
 * characters (80 bits), written in four groups. Only their SHA-256 hashes are stored — like API tokens, they are
 * random enough that a hash needs no salt or slow function. Typing is forgiving: case, blanks and hyphens are
 * ignored.
 */
public final class RecoveryCodes {

	public static final int COUNT = 10;

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	public static List<String> generate() {
		List<String> codes = new ArrayList<>(COUNT);
		for (int i = 0; i < COUNT; i++) {
			StringBuilder code = new StringBuilder(19);
			for (int c = 0; c < 16; c++) {
				if (c > 0 && c % 4 == 0) {
					code.append('-');
				}
				code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			codes.add(code.toString());
		}
		return codes;
	}

	/** Whether the text has the shape of a recovery code (and so is no TOTP code). */
	public static boolean looksLikeOne(String typed) {
		return typed != null && normalise(typed).length() == 16;
	}

	public static byte[] hash(String code) {
		return Sha256.digest(normalise(code).getBytes(StandardCharsets.US_ASCII));
	}

	static String normalise(String typed) {
		return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}
}
