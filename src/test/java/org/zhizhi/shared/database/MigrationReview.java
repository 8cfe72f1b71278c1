package org.zhizhi.shared.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The expand/contract rule for rolling upgrades, read from the migrations themselves: during a rolling deploy the
 * previous release's jar runs against the schema the new release has migrated, so a migration newer than the last
 * release may only add (tables, nullable columns or columns with a default, indexes, rows). Taking away or changing
 * what the previous jar reads or writes — dropping a table or column, renaming, changing a column's type, making a
 * column NOT NULL, emptying a table — waits for the next release, in a file marked as the contract step of the expand
 * step that shipped before it:
 *
 * <pre>
 * -- contract: V12
 * </pre>
 *
 * (V12 of the same module, at or below the last release's number for it). The statements are looked for in the text
 * without its comments but with its strings, so that DDL run by {@code EXECUTE format('…')} in a {@code DO} block counts
 * too; a false alarm is answered by the marking or by writing the statement another way, never by an exception list.
 */
final class MigrationReview {

	static final Pattern CONTRACT = Pattern.compile("(?im)^\\s*--\\s*contract:\\s*V(\\d+)\\s*$");

	private static final Pattern VERSION = Pattern.compile("^V(\\d+)__.+\\.sql$");

	/** What the previous release's jar cannot live with, each with the words a reviewer reads. */
	private static final Map<String, Pattern> DESTRUCTIVE = Map.of(
			"drops a table, schema, view, type, sequence or function",
			Pattern.compile("\\bdrop\\s+(table|schema|view|materialized\\s+view|type|sequence|function|procedure)\\b"),
			"drops a column", Pattern.compile("\\bdrop\\s+(column\\b|(if\\s+exists\\s+)?(?!constraint\\b|index\\b|"
					+ "trigger\\b|policy\\b|default\\b|not\\b|identity\\b|expression\\b)[a-z_\"][a-z0-9_\"]*\\s*(,|;|$))"),
			"renames", Pattern.compile("\\brename\\b"),
			"changes a column's type", Pattern.compile("\\balter\\s+(column\\s+)?\\S+\\s+(set\\s+data\\s+)?type\\b"),
			"makes a column NOT NULL", Pattern.compile("\\bset\\s+not\\s+null\\b"),
			"empties a table", Pattern.compile("\\btruncate\\s+(?!on\\b)"));

	/** ADD COLUMN … NOT NULL without a DEFAULT: the previous jar's inserts do not name the column. */
	private static final Pattern ADD_COLUMN = Pattern.compile("\\badd\\s+(column\\s+)?(if\\s+not\\s+exists\\s+)?"
			+ "(?!constraint\\b|primary\\b|unique\\b|check\\b|foreign\\b|exclude\\b)[^,;]*?\\bnot\\s+null\\b[^,;]*");

	/** One migration file: its module (folder), version, name and text. */
	record Migration(String module, int version, String name, String sql) {
	}

	/** One refusal: the file and what it does that the previous release's jar cannot live with. */
	record Finding(String module, String name, String problem) {

		@Override
		public String toString() {
			return module + "/" + name + ": " + problem;
		}
	}

	private final Map<String, Integer> released;

	private MigrationReview(Map<String, Integer> released) {
		this.released = released;
	}

	static MigrationReview releasedAt(Map<String, Integer> released) {
		return new MigrationReview(Map.copyOf(released));
	}

	/** The baseline recorded in {@code db/released-migrations.properties}: module → last shipped version. */
	static MigrationReview ofRecordedRelease() {
		Properties recorded = new Properties();
		try (InputStream in = MigrationReview.class.getResourceAsStream("/db/released-migrations.properties")) {
			recorded.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, Integer> released = new TreeMap<>();
		recorded.stringPropertyNames().stream().filter(name -> !name.equals("release"))
			.forEach(module -> released.put(module, Integer.parseInt(recorded.getProperty(module).strip())));
		return releasedAt(released);
	}

	Map<String, Integer> released() {
		return released;
	}

	/** Every {@code V<n>__*.sql} under {@code <root>/<module>/}. */
	static List<Migration> readAll(Path root) throws IOException {
		List<Migration> migrations = new ArrayList<>();
		try (Stream<Path> files = Files.list(root).filter(Files::isDirectory).flatMap(MigrationReview::filesOf)) {
			for (Path file : files.toList()) {
				Matcher version = VERSION.matcher(file.getFileName().toString());
				if (version.matches()) {
					migrations.add(new Migration(file.getParent().getFileName().toString(),
							Integer.parseInt(version.group(1)), file.getFileName().toString(),
							Files.readString(file, StandardCharsets.UTF_8)));
				}
			}
		}
		return migrations;
	}

	private static Stream<Path> filesOf(Path folder) {
		try {
			return Files.list(folder).toList().stream();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What the migrations newer than the release do that a rolling upgrade cannot take, unless marked contract. */
	List<Finding> review(List<Migration> migrations) {
		List<Finding> findings = new ArrayList<>();
		for (Migration migration : migrations) {
			int shipped = released.getOrDefault(migration.module(), 0);
			if (migration.version() <= shipped) {
				continue;
			}
			Matcher contract = CONTRACT.matcher(migration.sql());
			if (contract.find()) {
				int expand = Integer.parseInt(contract.group(1));
				boolean expandExists = migrations.stream()
					.anyMatch(m -> m.module().equals(migration.module()) && m.version() == expand);
				if (!expandExists) {
					findings.add(new Finding(migration.module(), migration.name(),
							"is marked the contract step of V" + expand + ", which does not exist"));
				}
				else if (expand > shipped) {
					findings.add(new Finding(migration.module(), migration.name(), "is marked the contract step of V"
							+ expand + ", which has not shipped yet (the last release has V" + shipped + ")"));
				}
				continue;
			}
			String text = withoutComments(migration.sql()).toLowerCase().replaceAll("\\s+", " ");
			new TreeMap<>(DESTRUCTIVE).forEach((problem, pattern) -> {
				if (pattern.matcher(text).find()) {
					findings.add(new Finding(migration.module(), migration.name(), problem));
				}
			});
			Matcher added = ADD_COLUMN.matcher(text);
			while (added.find()) {
				if (!added.group().contains(" default ") && !added.group().contains("generated ")) {
					findings.add(new Finding(migration.module(), migration.name(),
							"adds a NOT NULL column without a default: " + added.group().strip()));
				}
			}
		}
		return findings;
	}

	/** The SQL without its {@code --} and {@code /* *\/} comments, its strings kept. */
	static String withoutComments(String sql) {
		StringBuilder kept = new StringBuilder(sql.length());
		int i = 0;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (c == '\'') {
				int end = sql.indexOf('\'', i + 1);
				end = end < 0 ? sql.length() - 1 : end;
				kept.append(sql, i, end + 1);
				i = end + 1;
			}
			else if (sql.startsWith("--", i)) {
				int end = sql.indexOf('\n', i);
				i = end < 0 ? sql.length() : end;
			}
			else if (sql.startsWith("/*", i)) {
				int end = sql.indexOf("*/", i + 2);
				i = end < 0 ? sql.length() : end + 2;
				kept.append(' ');
			}
			else {
				kept.append(c);
				i++;
			}
		}
		return kept.toString();
	}
}
