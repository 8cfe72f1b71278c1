package org.zhizhi.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.Dictionary;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;

/**
 * The passwords an attacker tries first: the 10,000 most common of the SecLists list ({@code identity/common-passwords.txt},
 * see its NOTICE) and the platform's own published demo password. Looked up without regard to case, and also with the
 * symbols around it taken off ({@code Password1!} is {@code password1} with a symbol: a guesser tries it next).
 */
final class CommonPasswords {

	/**
	 * Published in the README and on the demo login page: fine for the demo accounts (loaded without this check), never
	 * for an account someone opens.
	 */
	private static final String PLATFORM_WORDS = "zhizhi@2026\nzhizhi2026\nzhizhi@123\n";

	private static final Dictionary DICTIONARY = load();

	private CommonPasswords() {
	}

	static boolean contains(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		String trimmed = lower.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
		return DICTIONARY.search(lower) || (!trimmed.isEmpty() && DICTIONARY.search(trimmed));
	}

	private static Dictionary load() {
		try (InputStream list = CommonPasswords.class.getResourceAsStream("/identity/common-passwords.txt")) {
			if (list == null) {
				throw new IllegalStateException("identity/common-passwords.txt is missing from the classpath");
			}
			ArrayWordList words = WordLists.createFromReader(new Reader[] {
					new InputStreamReader(list, StandardCharsets.UTF_8), new StringReader(PLATFORM_WORDS) }, false,
					new ArraysSort());
			return new WordListDictionary(words);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
