package org.zhizhi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy runs no inline script without the request's nonce and no inline event handler: a
 * template that adds one would be silently broken in the browser, so the build refuses it here.
 */
class InlineScriptsTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern HANDLER = Pattern.compile("<[a-zA-Z][^>]*\\s(on[a-z]+)\\s*=",
			Pattern.CASE_INSENSITIVE);

	@Test
	void everyInlineScriptCarriesTheNonceAndNoElementHasAnInlineHandler() throws IOException {
		List<String> offences = new ArrayList<>();
		int inline = 0;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file);
				Matcher script = SCRIPT.matcher(html);
				while (script.find()) {
					String attributes = script.group(1);
					if (!attributes.contains("src=")) {
						inline++;
						if (!attributes.contains("th:attr=\"nonce=${cspNonce}\"")) {
							offences.add(TEMPLATES.relativize(file) + ": <script" + attributes + ">");
						}
					}
				}
				Matcher handler = HANDLER.matcher(html);
				while (handler.find()) {
					offences.add(TEMPLATES.relativize(file) + ": " + handler.group(1) + "=");
				}
			}
		}
		assertThat(offences).isEmpty();
		// the check looked at something: the pages that hand server data to their scripts
		assertThat(inline).isGreaterThanOrEqualTo(5);
	}
}
