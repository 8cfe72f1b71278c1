package org.zhizhi.wish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.CommandShape;

/** The shape of the wish steps' commands, without Spring: required, length as a person counts it, takers 1–50. */
class WishCommandsTests {

	private static final CommandShape SHAPE = new CommandShape(
			Validation.buildDefaultValidatorFactory().getValidator());

	private static final List<Class<?>> COMMANDS = List.of(PostWish.class, EditWish.class, DispatchWish.class,
			RefuseWish.class, FulfilWish.class, ConfirmWish.class);

	private static List<String> fields(Object command) {
		return SHAPE.problems(command).stream().map(p -> p.field() + ":" + p.messageKey()).toList();
	}

	@Test
	void aPostedWishNeedsItsTitleDescriptionCategoryBeneficiaryAndDate() {
		assertThat(fields(new PostWish(null, " ", null, null, null, null, null, null, null, null))).containsExactly(
				"title:validation.required", "description:validation.required", "category:validation.required",
				"beneficiaryName:validation.required", "dueOn:validation.required");
		assertThat(fields(new PostWish("修", "说明文字", WishCategory.CARE, null, "钱奶奶", null, null,
				LocalDate.of(2026, 12, 31), 51, null)))
			.containsExactly("title:wish.length", "maxTakers:wish.maxTakersRange");
	}

	@Test
	void lengthIsCountedAsAPersonCountsBothBoundsNamed() {
		// two characters a person sees, four UTF-16 units, with full-width blanks around
		assertThat(fields(new EditWish("　🎂🎂　", null, null, null, null, null))).isEmpty();
		assertThat(SHAPE.problems(new EditWish("x".repeat(61), null, null, null, null, null)).get(0).args())
			.containsExactly(2, 60);
		assertThat(fields(new EditWish(null, null, null, null, null, null))).as("nothing named, nothing changed")
			.isEmpty();
	}

	@Test
	void eachStepsOwnMessage() {
		assertThat(fields(new RefuseWish("　"))).containsExactly("reason:wish.refuseNeedsReason");
		assertThat(fields(new FulfilWish(null))).containsExactly("note:wish.fulfilNeedsNote");
		assertThat(fields(new ConfirmWish(null))).isEmpty();
		assertThat(fields(new ConfirmWish("谢".repeat(501)))).containsExactly("thanks:wish.length");
		assertThat(fields(new DispatchWish(null, null, null))).containsExactly("kind:validation.required");
	}

	@Test
	void everyMessageIsInBothBundles() throws Exception {
		Properties zh = load("/messages_zh_CN.properties");
		Properties en = load("/messages_en.properties");
		List<String> keys = new ArrayList<>();
		for (Class<?> command : COMMANDS) {
			for (var component : command.getRecordComponents()) {
				Stream.of(command.getDeclaredField(component.getName()).getAnnotations())
					.map(WishCommandsTests::messageKey)
					.filter(Objects::nonNull)
					.forEach(keys::add);
			}
		}
		assertThat(keys).contains("validation.required", "wish.length", "wish.maxTakersRange", "wish.refuseNeedsReason",
				"wish.fulfilNeedsNote");
		assertThat(keys).allSatisfy(key -> {
			assertThat(zh.getProperty(key)).as(key).isNotBlank();
			assertThat(en.getProperty(key)).as(key).isNotBlank();
		});
	}

	private static String messageKey(Annotation annotation) {
		try {
			String template = (String) annotation.annotationType().getMethod("message").invoke(annotation);
			return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1)
					: null;
		}
		catch (ReflectiveOperationException e) {
			return null;
		}
	}

	private static Properties load(String name) throws Exception {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(WishCommandsTests.class.getResourceAsStream(name),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
