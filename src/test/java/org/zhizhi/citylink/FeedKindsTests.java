package org.zhizhi.citylink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.io.InputStreamReader;

import org.junit.jupiter.api.Test;
import org.zhizhi.incident.IncidentAction;

/** The feed's kinds as data, the subscriber's patterns, and the address rule, without Spring. */
class FeedKindsTests {

	@Test
	void everyIncidentStepHasAKindAndTheFamilyPatternTakesThemAll() {
		assertThat(FeedKinds.ofIncident(IncidentAction.HAND_BACK)).isEqualTo("incident.hand_back");
		assertThat(FeedKinds.patterns()).contains("incident.*", "incident.claim", "incident.close", "alert.*",
				"alert.raised", "emergency.*", "emergency.blown")
			// each family as a whole and its kinds: the incident's steps, the alert's five, the whistle's three
			.hasSize(IncidentAction.values().length + 1 + 6 + 4);
		for (IncidentAction action : IncidentAction.values()) {
			assertThat(FeedKinds.matches("incident.*", FeedKinds.ofIncident(action))).isTrue();
		}
		assertThat(FeedKinds.matches("incident.close", "incident.closed")).isFalse();
		assertThat(FeedKinds.matches("alert.*", "incident.claim")).isFalse();
	}

	@Test
	void aSubscriberChoosesOnlyKnownPatterns() {
		assertThat(FeedKinds.known("incident.*")).isTrue();
		assertThat(FeedKinds.known("incident.rate")).isTrue();
		assertThat(FeedKinds.known("incident.nothing")).isFalse();
		assertThat(FeedKinds.known("alert.*")).isTrue();
		assertThat(FeedKinds.known("emergency.answered")).isTrue();
		assertThat(FeedKinds.known("sentinel.*")).as("a family nobody publishes").isFalse();
		assertThat(FeedKinds.known("*")).isFalse();
		assertThat(FeedKinds.known(null)).isFalse();
	}

	@Test
	void anEventIdIsTheSameForTheSameStepAndAKindMustBeWellFormed() {
		assertThat(FeedEvent.idOf("incident", "a", "CLAIM")).isEqualTo(FeedEvent.idOf("incident", "a", "CLAIM"))
			.isNotEqualTo(FeedEvent.idOf("incident", "a", "CLOSE"));
		assertThat(FeedKinds.wellFormed("alert.raised")).isTrue();
		assertThat(FeedKinds.wellFormed("Alert")).isFalse();
	}

	@Test
	void subscribersAreHttpsOrPlainHttpOnThisMachineWhenAllowed() {
		assertThat(Subscribers.acceptableUrl("https://12345.cq.gov.cn/callback", false)).isTrue();
		assertThat(Subscribers.acceptableUrl("http://12345.cq.gov.cn/callback", false)).isFalse();
		assertThat(Subscribers.acceptableUrl("http://127.0.0.1:8080/hook", false)).isFalse();
		assertThat(Subscribers.acceptableUrl("http://127.0.0.1:8080/hook", true)).isTrue();
		assertThat(Subscribers.acceptableUrl("http://10.0.0.1/hook", true)).isFalse();
		assertThat(Subscribers.acceptableUrl("https://user:pw@example.cn/hook", false)).as("credentials").isFalse();
		assertThat(Subscribers.acceptableUrl("ftp://example.cn/", true)).isFalse();
		assertThat(Subscribers.acceptableUrl("not a url", true)).isFalse();
	}

	@Test
	void everyPatternHasItsWordsInBothBundles() throws Exception {
		for (String bundle : new String[] { "messages_zh_CN.properties", "messages_en.properties" }) {
			Properties words = new Properties();
			try (var in = new InputStreamReader(getClass().getResourceAsStream("/" + bundle), StandardCharsets.UTF_8)) {
				words.load(in);
			}
			for (String pattern : FeedKinds.patterns()) {
				assertThat(words.getProperty("citylink.kind." + pattern)).as(bundle + " " + pattern).isNotBlank();
			}
		}
	}
}
