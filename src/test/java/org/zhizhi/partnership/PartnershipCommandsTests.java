package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;
import org.zhizhi.partnership.PartnershipCommands.ClaimItem;
import org.zhizhi.partnership.PartnershipCommands.Completion;
import org.zhizhi.partnership.PartnershipCommands.NewAgreement;
import org.zhizhi.partnership.PartnershipCommands.NewItem;
import org.zhizhi.partnership.PartnershipCommands.NewPartner;
import org.zhizhi.partnership.PartnershipCommands.ProgressNote;
import org.zhizhi.partnership.PartnershipCommands.SendBack;
import org.zhizhi.partnership.PartnershipCommands.SignAgreement;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/** The shape of partnership's commands, without Spring, in the fields and messages the API has always answered. */
class PartnershipCommandsTests {

	private static final CommandShape SHAPE = new CommandShape(
			Validation.buildDefaultValidatorFactory().getValidator());

	private static List<String> fields(Object command) {
		return SHAPE.problems(command).stream().map(p -> p.field() + ":" + p.messageKey()).toList();
	}

	@Test
	void anItemNeedsItsKindTitleCategoryQuantityMeasureAndPeriod() {
		assertThat(fields(new NewItem(null, null, null, " ", null, null, null, null, null, null, null, null)))
			.containsExactly("kind:validation.required", "title:validation.required", "category:validation.required",
					"quantity:partnership.quantity", "measure:validation.required", "periodStart:validation.required",
					"periodEnd:partnership.periodEnd");
		for (String quantity : new String[] { "0", "-1", "1.234", "1000000000" }) {
			assertThat(fields(new NewItem(null, ItemKind.NEED, null, "需求", ItemCategory.OTHER, null,
					new BigDecimal(quantity), Measure.PEOPLE, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), null,
					null)))
				.as(quantity)
				.containsExactly("quantity:partnership.quantity");
		}
	}

	@Test
	void numbersOfADeliveryAreNeverNegativeAndTextIsBounded() {
		assertThat(fields(new Completion("完成", null, new BigDecimal("-1"), new BigDecimal("1.25"), -3)))
			.containsExactly("valueYuan:partnership.nonNegative", "hours:partnership.nonNegative",
					"peopleServed:partnership.nonNegative");
		assertThat(fields(new ProgressNote("字".repeat(2001), null))).containsExactly("note:partnership.tooLong");
		assertThat(SHAPE.problems(new ProgressNote("字".repeat(2001), null)).get(0).args()).containsExactly(2000);
		assertThat(fields(new SendBack("　"))).containsExactly("reason:partnership.sendBackReason");
		assertThat(fields(new ClaimItem(null, null, null))).as("the whole remainder").isEmpty();
		assertThat(fields(new ClaimItem(null, new BigDecimal("0.001"), null))).containsExactly(
				"amount:partnership.quantity");
		assertThat(fields(new SignAgreement(null, null))).containsExactly("documentId:partnership.documentRequired");
		assertThat(fields(new NewAgreement(2026, null))).containsExactly("commitments:validation.required");
	}

	@Test
	void aPartnerPhoneMayBeLeftOutButNotMistyped() {
		assertThat(fields(new NewPartner(null, "木洞小学", PartnerType.SCHOOL, null, null, null, null, null, "")))
			.isEmpty();
		assertThat(fields(new NewPartner(null, "木洞小学", PartnerType.SCHOOL, null, null, null, null, null,
				"023-6666 8888"))).isEmpty();
		assertThat(fields(new NewPartner(null, "木洞小学", PartnerType.SCHOOL, null, null, null, null, null, "电话")))
			.containsExactly("contactPhone:partnership.phone");
	}

	@Test
	void theRulesBesideTheShapeAreToldTogetherInTheRecordsOrder() {
		NewItem item = new NewItem(null, null, null, "需求", ItemCategory.OTHER, null, BigDecimal.ONE, Measure.PEOPLE,
				LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1), 100.0, null);
		try {
			SHAPE.check(item, List.of(new FieldProblem("lat", "partnership.position"),
					new FieldProblem("periodEnd", "partnership.periodEnd")));
			throw new AssertionError("refused");
		}
		catch (DomainException refused) {
			assertThat(refused.fieldProblems()).extracting(FieldProblem::field).containsExactly("kind", "periodEnd",
					"lat");
		}
	}

	@Test
	void everyMessageIsInBothBundles() throws Exception {
		Properties zh = load("/messages_zh_CN.properties");
		Properties en = load("/messages_en.properties");
		List<String> keys = new ArrayList<>();
		for (Class<?> command : PartnershipCommands.class.getDeclaredClasses()) {
			for (var component : command.getRecordComponents()) {
				Stream.of(command.getDeclaredField(component.getName()).getAnnotations())
					.map(PartnershipCommandsTests::messageKey)
					.filter(Objects::nonNull)
					.forEach(keys::add);
			}
		}
		assertThat(keys).contains("validation.required", "partnership.tooLong", "partnership.quantity",
				"partnership.nonNegative", "partnership.phone");
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
		try (var in = new InputStreamReader(PartnershipCommandsTests.class.getResourceAsStream(name),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
