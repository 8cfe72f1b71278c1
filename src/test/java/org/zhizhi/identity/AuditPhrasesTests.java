package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhizhi.identity.AuditPhrases.Part;
import org.zhizhi.identity.AuditPhrases.Subject;

/** The table from an action (a named one, or a write's method and path) to its sentence, on the real bundles. */
class AuditPhrasesTests {

	static final String MEETING_ID = "01977a2e-5c1a-7000-8000-000000000001";

	final Properties zh = load("/messages_zh_CN.properties");

	final Properties en = load("/messages_en.properties");

	final AuditPhrases chinese = new AuditPhrases(zh::getProperty);

	@Test
	void aDecisionAtAJointMeetingReadsAsTheAuditorSaysIt() {
		List<Part> sentence = chinese.sentence("东城社区工作站", "dongcheng", "POST /partnership/meetings/{id}/decisions",
				new Subject("jointMeeting", "2026年度第二季度协商议事会", MEETING_ID, "增设电动车充电桩"));

		assertThat(AuditPhrases.plain(sentence)).isEqualTo("东城社区工作站 在 2026年度第二季度协商议事会 上记录了决议「增设电动车充电桩」");
		assertThat(sentence).filteredOn(p -> p.kind() == Part.Kind.OBJECT).singleElement().satisfies(object -> {
			assertThat(object.text()).isEqualTo("2026年度第二季度协商议事会");
			assertThat(object.title()).isEqualTo("联席会议 " + MEETING_ID);
		});
		assertThat(sentence.get(0)).isEqualTo(new Part("东城社区工作站", "dongcheng", Part.Kind.PERSON));
		assertThat(chinese.quotedParameters("POST /partnership/meetings/{id}/decisions")).containsExactly("text");
	}

	@Test
	void withoutTheQuotedTextOrTheNameTheSentenceStillReads() {
		assertThat(plain("POST /partnership/meetings/{id}/decisions", new Subject(null, null, MEETING_ID, null)))
			.isEqualTo("东城社区工作站 在 联席会议 上记录了决议");
		assertThat(plain("POST /partnership/meetings", new Subject(null, null, null, "2026年度第二季度协商议事会")))
			.isEqualTo("东城社区工作站 安排了联席会议「2026年度第二季度协商议事会」");
	}

	@Test
	void aStepAfterAnIdIsToldByItsVerbAndTheObjectByKindAndName() {
		assertThat(plain("POST /api/v1/incidents/{id}/whistle", new Subject("incident", "占道经营", MEETING_ID, null)))
			.isEqualTo("东城社区工作站 吹哨派出了 事件「占道经营」");
		assertThat(plain("POST /m/wishes/{id}/fulfil", new Subject("wish", "帮独居老人换灯泡", MEETING_ID, null)))
			.isEqualTo("东城社区工作站 实现了 微心愿「帮独居老人换灯泡」");
	}

	@Test
	void anythingElseFallsBackToTheMethodAndTheObjectsKindFromThePath() {
		assertThat(plain("PATCH /api/v1/wishes/{id}", new Subject(null, null, MEETING_ID, null)))
			.isEqualTo("东城社区工作站 修改了 微心愿");
		assertThat(plain("POST /somewhere/{id}/zap", new Subject(null, null, MEETING_ID, null)))
			.isEqualTo("东城社区工作站 提交了 一项记录");
		assertThat(plain("DELETE /api/v1/joint-meetings/{id}/agenda/{id}", new Subject(null, null, MEETING_ID, null)))
			.isEqualTo("东城社区工作站 删除了 一项记录");
	}

	@Test
	void namedActionsHaveTheirOwnPhrasesAndAnUnknownOneIsShownAsItIs() {
		assertThat(plain("LOGIN", new Subject("account", "东城社区工作站", MEETING_ID, null)))
			.isEqualTo("东城社区工作站 登录了系统");
		assertThat(plain("PASSWORD_RESET", new Subject("account", "李网格长", MEETING_ID, null)))
			.isEqualTo("东城社区工作站 重置了 账号「李网格长」 的密码");
		assertThat(plain("SOMETHING_NEW", new Subject(null, null, null, null))).isEqualTo("东城社区工作站 SOMETHING_NEW");
	}

	@Test
	void theVisibleWordsNeverHoldAnIdOnlyTheTitlesDo() {
		List<Part> sentence = chinese.sentence("东城社区工作站", "dongcheng", "POST /incidents/{id}/accept",
				new Subject(null, null, MEETING_ID, null));
		assertThat(AuditPhrases.plain(sentence)).isEqualTo("东城社区工作站 受理了 事件").doesNotContain(MEETING_ID);
		assertThat(sentence).anySatisfy(p -> assertThat(p.title()).isEqualTo("事件 " + MEETING_ID));
	}

	@Test
	void bothBundlesTellEveryPhraseWithTheSamePlaceholders() {
		Pattern placeholder = Pattern.compile("\\{[^}]*\\}");
		for (String key : zh.stringPropertyNames()) {
			if (!key.startsWith("auditPhrase.") && !key.startsWith("auditVerb.")) {
				continue;
			}
			assertThat(placeholders(placeholder, zh.getProperty(key))).as(key)
				.isEqualTo(placeholders(placeholder, en.getProperty(key)))
				.allMatch(p -> p.equals("{object}") || p.equals("{name}") || p.matches("\\{quote:[a-zA-Z]+\\}"));
			if (key.startsWith("auditVerb.")) {
				assertThat(zh.getProperty(key)).as(key).doesNotContain("{");
			}
			// a write's phrase is keyed by method and path as the write filter records them: ids as {id}
			if (key.matches("auditPhrase\\.(POST|PUT|PATCH|DELETE)/.*")) {
				assertThat(key.replaceAll("\\{id\\}", "")).as(key).doesNotContain("{").doesNotContain(" ");
			}
		}
	}

	private String plain(String action, Subject subject) {
		return AuditPhrases.plain(chinese.sentence("东城社区工作站", "dongcheng", action, subject));
	}

	private static List<String> placeholders(Pattern placeholder, String text) {
		Matcher m = placeholder.matcher(text);
		return m.results().map(r -> r.group()).sorted().toList();
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(AuditPhrasesTests.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return properties;
	}
}
