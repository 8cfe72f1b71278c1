package org.zhizhi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Years, ids and codes are never written with a thousands separator ("1,998 年生"). The separator comes from two
 * places, both checked in every template: a message whose argument is a number is formatted by {@code MessageFormat},
 * which groups it as a count unless the placeholder says {@code {0,number,#}}; and Thymeleaf's {@code #numbers} with
 * a grouping point. A year handed over as text ({@code #strings.toString}, {@code @pageFormat.digits}) is safe either
 * way.
 */
class YearsInTemplatesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** A message expression with arguments, {@code #{key(args)}}, with a literal key. */
	private static final Pattern MESSAGE = Pattern.compile("#\\{([a-zA-Z0-9_.]+)\\(");

	/**
	 * The name of the value an expression ends with ({@code ${r.birthYear()}}, {@code ${year - 1}}, {@code status.keyId}):
	 * what it is, whatever it is read from.
	 */
	private static final Pattern VALUE_NAME = Pattern.compile("([A-Za-z_]\\w*)(\\(\\))?\\s*([-+]\\s*\\d+\\s*)?}?\\s*$");

	/** The names of years, ids and codes. */
	private static final Pattern YEAR_OR_ID = Pattern.compile("\\w*[Yy]ear|id|\\w*[a-z]Id|code|\\w*[a-z]Code");

	/** Thymeleaf's number formatting of something named like a year, an id or a code. */
	private static final Pattern NUMBERS = Pattern.compile("#numbers\\.format\\w*\\(([^,)]*)");

	@Test
	void aYearHandedToAMessageIsNeverGroupedAsACount() throws IOException {
		Properties zh = bundle("/messages_zh_CN.properties");
		Properties en = bundle("/messages_en.properties");
		List<String> grouped = new ArrayList<>();
		for (Path template : templates()) {
			String text = Files.readString(template);
			Matcher message = MESSAGE.matcher(text);
			while (message.find()) {
				String key = message.group(1);
				List<String> args = arguments(text, message.end());
				for (int i = 0; i < args.size(); i++) {
					String arg = args.get(i);
					if (!namesYearOrId(arg) || asText(arg)) {
						continue;
					}
					for (Properties bundle : List.of(zh, en)) {
						String pattern = bundle.getProperty(key);
						if (pattern != null && groups(pattern, i)) {
							grouped.add(TEMPLATES.relativize(template) + ": #{" + key + "} argument " + i + " (" + arg.strip()
									+ ") is formatted as a count by \"" + pattern + "\"");
						}
					}
				}
			}
		}
		assertThat(grouped).as("write the placeholder {n,number,#} or hand the year over as text").isEmpty();
	}

	@Test
	void noTemplateFormatsAYearOrAnIdWithThymeleafsNumbers() throws IOException {
		List<String> formatted = new ArrayList<>();
		for (Path template : templates()) {
			Matcher numbers = NUMBERS.matcher(Files.readString(template));
			while (numbers.find()) {
				if (namesYearOrId(numbers.group(1))) {
					formatted.add(TEMPLATES.relativize(template) + ": " + numbers.group());
				}
			}
		}
		assertThat(formatted).as("a year or an id is written as it is, or with @pageFormat.digits").isEmpty();
	}

	@Test
	void theCheckFindsAGroupedYear() {
		// the rule itself, so that a change to the parsing cannot silently let everything through
		assertThat(groups("{0} 年生（{1} 岁）", 0)).isTrue();
		assertThat(groups("{0,number,#} 年生", 0)).isFalse();
		assertThat(groups("{1} 项，{0,number,#}年", 0)).isFalse();
		assertThat(arguments("#{people.birthYearAge(${r.birthYear()}, ${r.age()})}", 22)).hasSize(2)
			.first()
			.satisfies(arg -> assertThat(namesYearOrId(arg)).isTrue());
		assertThat(namesYearOrId(" ${year - 1}")).isTrue();
		assertThat(namesYearOrId("${contributionYear.projects}")).isFalse();
		assertThat(namesYearOrId("${t.fund.paid}")).isFalse();
		assertThat(asText("${#strings.toString(year)}")).isTrue();
	}

	/** Whether the pattern formats argument {@code index} with MessageFormat's default number format (grouped). */
	static boolean groups(String pattern, int index) {
		Matcher placeholder = Pattern.compile("\\{" + index + "(,[^}]*)?}").matcher(pattern);
		while (placeholder.find()) {
			String format = placeholder.group(1);
			if (format == null || !format.replace(" ", "").startsWith(",number,#")) {
				return true;
			}
		}
		return false;
	}

	static boolean namesYearOrId(String expression) {
		Matcher name = VALUE_NAME.matcher(expression.strip());
		return name.find() && YEAR_OR_ID.matcher(name.group(1)).matches();
	}

	private static boolean asText(String arg) {
		return arg.contains("#strings.toString(") || arg.contains("@pageFormat.digits(")
				|| arg.contains("#strings.") || arg.contains("#temporals.format(");
	}

	/** The arguments of the call whose opening parenthesis ends just before {@code from}, split at its own commas. */
	static List<String> arguments(String text, int from) {
		List<String> args = new ArrayList<>();
		int depth = 0;
		StringBuilder current = new StringBuilder();
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '(' || c == '{' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == '}' || c == ']') {
				if (depth == 0) {
					args.add(current.toString());
					return args;
				}
				depth--;
			}
			else if (c == ',' && depth == 0) {
				args.add(current.toString());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		return args;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(YearsInTemplatesTests.class.getResourceAsStream(name),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
