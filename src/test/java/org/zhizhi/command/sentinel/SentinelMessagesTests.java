package org.zhizhi.command.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.zhizhi.command.AlertAction;
import org.zhizhi.command.AlertOutcome;
import org.zhizhi.command.AlertState;
import org.zhizhi.command.RuleKind;

/**
 * The pages name every kind, state, action and outcome by a key built from the enum: a new kind or action without its
 * words would show a key on the page. Each must be in the Chinese bundle (MessagesTests keeps English in step).
 */
class SentinelMessagesTests {

	@Test
	void everyKindStateActionAndOutcomeHasItsWords() throws IOException {
		Properties zh = new Properties();
		try (var in = new InputStreamReader(getClass().getResourceAsStream("/messages_zh_CN.properties"),
				StandardCharsets.UTF_8)) {
			zh.load(in);
		}
		List<String> keys = new ArrayList<>();
		for (RuleKind kind : RuleKind.values()) {
			for (String prefix : List.of("kind", "kindHint", "thresholdLabel", "measure", "evidenceNone")) {
				keys.add("command." + prefix + "." + kind);
			}
		}
		for (AlertState state : AlertState.values()) {
			keys.add("command.alertState." + state);
		}
		for (AlertAction action : AlertAction.values()) {
			keys.add("command.alertAction." + action);
		}
		for (AlertOutcome outcome : AlertOutcome.values()) {
			keys.add("command.outcome." + outcome);
		}
		keys.addAll(List.of("command.alertAction.RAISE", "command.advice.unitCategory", "command.advice.unitAny",
				"command.advice.unitAll", "command.advice.team", "command.alertIllegalTransition", "command.notTheOwner",
				"command.length", "command.windowRange", "command.handleWithinRange", "command.thresholdRange",
				"command.ownerRole", "command.ruleChanged", "command.ownerNotFound", "command.daysRange"));
		assertThat(keys).allSatisfy(key -> assertThat(zh.getProperty(key)).as(key).isNotBlank());
	}
}
