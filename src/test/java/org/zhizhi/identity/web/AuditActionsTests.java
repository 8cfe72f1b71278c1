package org.zhizhi.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every action the audit page's filter offers is named in Chinese and English: no raw path in the list. */
class AuditActionsTests {

	@Test
	void everyActionOfTheFilterHasALabelInBothLanguages() throws IOException {
		for (String bundle : new String[] { "/messages_zh_CN.properties", "/messages_en.properties" }) {
			Properties messages = new Properties();
			try (var in = new InputStreamReader(AuditActionsTests.class.getResourceAsStream(bundle),
					StandardCharsets.UTF_8)) {
				messages.load(in);
			}
			assertThat(AuditController.ACTIONS).allSatisfy(
					action -> assertThat(messages.getProperty("auditAction." + action.replace(" ", ""))).as(action)
						.isNotBlank());
		}
	}
}
