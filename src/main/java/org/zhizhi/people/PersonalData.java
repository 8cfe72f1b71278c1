package org.zhizhi.people;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Rules and masks of the personal data: the resident identity card number (GB 11643: 17 digits and a check digit),
 * mainland mobile numbers, and how names, phones and ID numbers look when they are not shown in full.
 */
public final class PersonalData {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CODES = "10X98765432";

	private static final Pattern ID_SHAPE = Pattern.compile("[1-9]\\d{16}[0-9X]");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private PersonalData() {
	}

	/** Upper-cases a trailing x and strips blanks, as people type them. */
	public static String normalizeIdCard(String text) {
		return text == null ? null : text.strip().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
	}

	public static String normalizePhone(String text) {
		if (text == null) {
			return null;
		}
		String digits = text.strip().replace(" ", "").replace("-", "");
		return digits.startsWith("+86") ? digits.substring(3) : digits;
	}

	/** The GB 11643 check character of the first 17 digits. */
	public static char checkDigit(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CODES.charAt(sum % 11);
	}

	/** Whether the number has the right shape, a birth date that exists and is not in the future, and its check digit. */
	public static boolean isValidIdCard(String number, LocalDate today) {
		if (number == null || !ID_SHAPE.matcher(number).matches()) {
			return false;
		}
		LocalDate birth = birthDateOf(number);
		if (birth == null || birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
			return false;
		}
		return checkDigit(number.substring(0, 17)) == number.charAt(17);
	}

	/** The birth date written in digits 7–14, or null if it is no date. */
	public static LocalDate birthDateOf(String number) {
		try {
			return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
					Integer.parseInt(number.substring(12, 14)));
		}
		catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
			return null;
		}
	}

	public static boolean isValidMobile(String phone) {
		return phone != null && MOBILE.matcher(phone).matches();
	}

	/** 张*明; two characters 张*; one character stays as it is. */
	public static String maskName(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		int[] cps = name.codePoints().toArray();
		if (cps.length == 1) {
			return name;
		}
		StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
		if (cps.length == 2) {
			return masked.append('*').toString();
		}
		masked.append("*".repeat(cps.length - 2));
		return masked.appendCodePoint(cps[cps.length - 1]).toString();
	}

	/** 138****5678 */
	public static String maskPhone(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone == null ? null : "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

	/** 5001**********1234 */
	public static String maskIdCard(String number) {
		if (number == null || number.length() < 8) {
			return number == null ? null : "*".repeat(number.length());
		}
		return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
	}
}
