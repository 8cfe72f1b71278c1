package org.zhizhi.shared.crypto;

/**
 * A place where a module keeps sealed values (residents' ID numbers and phones, their versions, TOTP secrets): it
 * counts them and moves them, a batch at a time, to the primary key. Each module knows its rows and their contexts;
 * {@link KeyRotation} runs them all.
 */
public interface SealedValues {

	/** The message key that names these values on the 密钥轮换 page. */
	String label();

	/** How many rows hold sealed values, and how many of them are entirely under the primary key. */
	Count count(DataSealing sealing);

	/**
	 * Opens and seals again under the primary key up to {@code limit} rows that are not yet under it, skipping rows
	 * another node is moving ({@code FOR UPDATE SKIP LOCKED}); runs inside the caller's transaction.
	 * @return how many rows moved; 0 when none is left
	 */
	int moveBatch(DataSealing sealing, int limit);

	record Count(long total, long underPrimary) {

		public long remaining() {
			return total - underPrimary;
		}
	}
}
