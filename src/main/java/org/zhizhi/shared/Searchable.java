package org.zhizhi.shared;

import java.util.List;
import java.util.Locale;

/**
 * What one module finds for the header's search box: its residents, incidents, places, units or needs whose name,
 * number or words match what the person typed. Each module answers with its own rules — who may read what, the
 * reader's data scope, its masks — and with its own indexed, bounded queries; the search page asks every module and
 * groups the answers by kind, so that the page never knows the modules and a module never knows the page (the
 * workbench's {@link WaitingWork} is built the same way). Implementations are ordered with {@code @Order}: the order
 * of the groups on the page, people before things.
 */
public interface Searchable {

	/** The fewest characters a search takes: one Chinese character or one digit finds half the ledger. */
	int MIN_LENGTH = 2;

	/** The most: a name, a phone, an ID number or a few words; more is no search a ledger answers. */
	int MAX_LENGTH = 50;

	/**
	 * Whether this module finds anything at all for this person (his roles, no query): the header shows the search
	 * box only to those for whom some module says yes.
	 */
	boolean searchesFor(Actor actor);

	/**
	 * What matches, within the actor's scope and visible to him as the module's own pages show it (masked where they
	 * mask): at most {@code limit} of each kind, the module's most relevant first.
	 */
	List<Found> find(Actor actor, Query query, int limit);

	/**
	 * One thing found.
	 *
	 * @param kindKey the message key of its kind (居民, 事件, 小区 …), which groups it on the page
	 * @param title what it is: a (masked) name, a category and the first words
	 * @param detail where or which (a dwelling, a grid, a community, a masked phone), or null
	 * @param href its page
	 */
	record Found(String kindKey, String title, String detail, String href) {
	}

	/**
	 * What was typed, blanks at both ends stripped and runs of blanks made one; between {@link #MIN_LENGTH} and
	 * {@link #MAX_LENGTH} characters (code points), which the page checks before any module is asked.
	 */
	record Query(String text) {

		public Query {
			text = normalize(text);
			int length = text.codePointCount(0, text.length());
			if (length < MIN_LENGTH || length > MAX_LENGTH) {
				throw new IllegalArgumentException("a search takes " + MIN_LENGTH + " to " + MAX_LENGTH
						+ " characters");
			}
		}

		/** The text as a search takes it ("" for none): stripped, with single blanks. */
		public static String normalize(String typed) {
			return typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
		}

		/** The words, each to be found (AND). */
		public List<String> words() {
			return List.of(text.split(" "));
		}

		/** The text without any blank, as names and numbers are written. */
		public String compact() {
			return text.replace(" ", "");
		}

		/** The text in lower case, for ids and codes. */
		public String lower() {
			return compact().toLowerCase(Locale.ROOT);
		}
	}
}
