package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CategoryTermsTests {

	private final CategoryTerms terms = CategoryTerms.load();

	@Test
	void aSchoolsClassroomsFitAVenueNeedWhateverCategoryTheSchoolFiledThemUnder() {
		ListItem classrooms = resource("周末开放教室和操场", ItemCategory.EDUCATION, "向社区开放教室、操场和多功能厅");

		assertThat(terms.fits(ItemCategory.VENUE, classrooms)).isTrue();
		assertThat(terms.fits(ItemCategory.EDUCATION, classrooms)).as("its own category").isTrue();
		assertThat(terms.fits(ItemCategory.FUNDS, classrooms)).isFalse();
	}

	@Test
	void aMeetingRoomOrAHallIsAVenueTooButAFundIsNot() {
		assertThat(terms.mentions(ItemCategory.VENUE, "党群服务中心会议室每周二下午可用")).isTrue();
		assertThat(terms.mentions(ItemCategory.VENUE, "学校礼堂")).isTrue();
		assertThat(terms.fits(ItemCategory.VENUE, resource("共建资金", ItemCategory.FUNDS, "用于困难群众帮扶"))).isFalse();
	}

	@Test
	void everyCategoryButOtherHasWordsAndTheyMakeOneRegularExpression() {
		Arrays.stream(ItemCategory.values())
			.filter(c -> c != ItemCategory.OTHER)
			.forEach(c -> assertThat(terms.of(c)).as(c.name()).isNotEmpty());
		assertThat(terms.pattern(ItemCategory.VENUE)).startsWith("场地|").doesNotContain(",");
		assertThat(terms.pattern(ItemCategory.OTHER)).isNull();
	}

	private static ListItem resource(String title, ItemCategory category, String description) {
		return new ListItem(UUID.randomUUID(), UUID.randomUUID(), "金银桥社区", ItemKind.RESOURCE, UUID.randomUUID(), "木洞小学",
				title, category, description, new BigDecimal("100"), Measure.HOURS, BigDecimal.ZERO,
				LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null, null, ItemStatus.OPEN, null, null, null, null,
				null, null, null);
	}
}
