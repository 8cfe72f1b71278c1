package org.zhizhi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeTests {

	@ParameterizedTest
	@ValueSource(strings = { "/incidents/0190b2c4-0000-7000-8000-000000000001", "/m/tasks", "/inbox?unread=true", "/" })
	void linksToPathsOfThePlatformAreKept(String link) {
		assertThat(new Notice("INCIDENT_REPORTED", "标题", "正文", link).link()).isEqualTo(link);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://example.org/", "//example.org/x", "/\\example.org", "javascript:alert(1)",
			"incidents/1", "/m/tasks x" })
	void linksThatCouldLeadOffThePlatformAreRefused(String link) {
		assertThatThrownBy(() -> new Notice("INCIDENT_REPORTED", "标题", "正文", link))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aKindIsUpperSnakeCaseAndATitleIsRequired() {
		assertThatThrownBy(() -> new Notice("incident reported", "标题", "", null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Notice("INCIDENT_REPORTED", "  ", "", null))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void overlongTextIsCutToWhatTheTableHolds() {
		Notice notice = new Notice("X_Y", "题".repeat(500), "文".repeat(5000), null);

		assertThat(notice.title()).hasSize(Notice.MAX_TITLE).endsWith("…");
		assertThat(notice.body()).hasSize(Notice.MAX_BODY).endsWith("…");
	}
}
