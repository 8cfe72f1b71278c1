package org.zhizhi.partnership;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The words of each category ({@code partnership/category-terms.properties}, data rather than code): an item says
 * what it gives in its own words, under whichever category its author picked, so a resource filed under 教育 that
 * opens classrooms fits a 场地 need. Matching takes an item of the need's category, or one whose title or description
 * uses a word of it.
 */
final class CategoryTerms {

	static final String RESOURCE = "/partnership/category-terms.properties";

	/** Plain words only: they are joined into one PostgreSQL regular expression. */
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private final Map<ItemCategory, List<String>> terms;

	private CategoryTerms(Map<ItemCategory, List<String>> terms) {
		this.terms = terms;
	}

	static CategoryTerms load() {
		Properties properties = new Properties();
		try (var in = CategoryTerms.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing");
			}
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<ItemCategory, List<String>> terms = new EnumMap<>(ItemCategory.class);
		for (String name : properties.stringPropertyNames()) {
			ItemCategory category = ItemCategory.valueOf(name.strip());
			List<String> words = Arrays.stream(properties.getProperty(name).split("[,，]"))
				.map(String::strip)
				.filter(w -> !w.isEmpty())
				.toList();
			for (String word : words) {
				if (!WORD.matcher(word).matches()) {
					throw new IllegalStateException(RESOURCE + ": \"" + word + "\" of " + name + " is not a plain word");
				}
			}
			terms.put(category, words);
		}
		return new CategoryTerms(terms);
	}

	List<String> of(ItemCategory category) {
		return terms.getOrDefault(category, List.of());
	}

	/** Whether the item is about the category: filed under it, or saying one of its words. */
	boolean fits(ItemCategory category, ListItem item) {
		return item.category() == category || mentions(category, item.title()) || mentions(category, item.description());
	}

	boolean mentions(ItemCategory category, String text) {
		return text != null && of(category).stream().anyMatch(text::contains);
	}

	/** The category's words as one regular expression for the database, or null for a category without words. */
	String pattern(ItemCategory category) {
		List<String> words = of(category);
		return words.isEmpty() ? null : String.join("|", words);
	}
}
