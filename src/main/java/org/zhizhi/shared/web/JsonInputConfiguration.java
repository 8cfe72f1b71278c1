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
 * Every string of every JSON body, in whatever record, list or map it sits, is refused when it holds a character
 * {@link TextInput} refuses (U+0000, another control character, a text-direction override): the refusal carries the
 * JSON path, so {@link ProblemAdvice} names the field in a 400 problem. One rule here instead of an annotation on each
 * of the platform's text fields, which a new field would forget.
 * <p>
 * The same mapper reads what the platform stored (timeline payloads, event publications), which may hold such
 * characters from before this rule: the other characters are refused only while a request's body is read
 * ({@link RequestBodyReading}), so that an old note still shows. A NUL is refused everywhere, since none was ever
 * stored.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

	@Bean
	JsonMapperBuilderCustomizer refuseControlCharactersInStrings() {
		SimpleModule module = new SimpleModule("zhizhi-text-input");
		module.addDeserializer(String.class, new RefusingStringDeserializer());
		return builder -> builder.addModule(module);
	}

	/** Jackson's own string reading, then the check. */
	static final class RefusingStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			String refusal = TextInput.refusal(value);
			if (TextInput.NUL_MESSAGE.equals(refusal) || refusal != null && RequestBodyReading.underWay()) {
				throw new TextRefused(parser, TextInput.visible(value), refusal);
			}
			return value;
		}
	}

	/** A string {@link TextInput} refuses, with the message key why; Jackson adds the path of the field as it unwinds. */
	static final class TextRefused extends InvalidFormatException {

		private static final long serialVersionUID = 1L;

		private final String messageKey;

		TextRefused(JsonParser parser, String value, String messageKey) {
			super(parser, "text contains a refused character", value, String.class);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return messageKey;
		}
	}
}
