package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextInputTests {

	@ParameterizedTest
	@ValueSource(strings = { "\u001b[31m红色标题\u001b[0m", "铃\u0007", "退格\b", "换页\f", "垂直制表\u000b", "删除\u007f",
			"C1\u0085", "C1\u009b31m", "\u202a嵌入", "\u202b嵌入", "\u202c弹出", "\u202d覆盖", "倒序\u202e标题",
			"\u2066隔离", "\u2067隔离", "\u2068隔离", "\u2069弹出" })
	void refusesControlAndBidirectionalOverrideCharacters(String text) {
		assertThat(TextInput.refusal(text)).isEqualTo(TextInput.CONTROL_MESSAGE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "旧轮椅", "第一行\n第二行", "第一行\r\n第二行", "姓名\t电话", "Zhizhi@2026", "全角　空格",
			"emoji 👍🏽", "阿拉伯文 مرحبا", "零宽连接\u200d", "从右到左标记\u200f" })
	void takesWhatPeopleType(String text) {
		assertThat(TextInput.refusal(text)).isNull();
	}

	@Test
	void aNulIsNamedBeforeAnyOtherControlCharacter() {
		assertThat(TextInput.refusal("\u202e\u0000")).isEqualTo(TextInput.NUL_MESSAGE);
		assertThat(TextInput.refusal(null)).isNull();
	}

	@Test
	void theVisibleFormShowsWhatWasRefusedWithoutItsEffect() {
		assertThat(TextInput.visible("ad\u0000min")).isEqualTo("ad\u2400min");
		assertThat(TextInput.visible("\u001b[31m")).isEqualTo("\u241b[31m");
		assertThat(TextInput.visible("a\u202eb\u0085")).isEqualTo("a\ufffdb\ufffd");
		assertThat(TextInput.visible("行\n二")).isEqualTo("行\n二");
	}
}
