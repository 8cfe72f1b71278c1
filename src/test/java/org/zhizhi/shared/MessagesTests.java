package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Chinese and English say the same things: no key may exist in one bundle only. */
class MessagesTests {

	@Test
	void chineseAndEnglishBundlesHoldTheSameKeys() throws IOException {
		Properties zh = load("/messages_zh_CN.properties");
		Properties en = load("/messages_en.properties");
		assertThat(zh.stringPropertyNames()).isNotEmpty().containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
	}

	@Test
	void chineseBundleIsChinese() throws IOException {
		assertThat(load("/messages_zh_CN.properties").getProperty("login.submit")).isEqualTo("登录");
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(MessagesTests.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
