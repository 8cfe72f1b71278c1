package org.zhizhi.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhizhi.shared.TextInput;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string of every JSON body, in whatever record, list or map it sits, is refused when it holds U+0000: the
 * refusal carries the JSON path, so {@link ProblemAdvice} names the field in a 400 problem. One rule here instead of an
 * annotation on each of the platform's text fields, which a new field would forget.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

	@Bean
	JsonMapperBuilderCustomizer refuseNulInStrings() {
		SimpleModule module = new SimpleModule("zhizhi-text-input");
		module.addDeserializer(String.class, new NulRefusingStringDeserializer());
		return builder -> builder.addModule(module);
	}

	/** Jackson's own string reading, then the check. */
	static final class NulRefusingStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (TextInput.hasNul(value)) {
				throw new NulRefused(parser, TextInput.visible(value));
			}
			return value;
		}
	}

	/** A string with U+0000 in it; Jackson adds the path of the field as it unwinds. */
	static final class NulRefused extends InvalidFormatException {

		private static final long serialVersionUID = 1L;

		NulRefused(JsonParser parser, String value) {
			super(parser, "text contains U+0000", value, String.class);
		}
	}
}
