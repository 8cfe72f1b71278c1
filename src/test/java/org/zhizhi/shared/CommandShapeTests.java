package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.Range;
import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;

/** A command's shape told as the platform's field problems: fields as the JSON names them, keys, bounds, order. */
class CommandShapeTests {

	private final CommandShape shape = new CommandShape(
			Validation.buildDefaultValidatorFactory().getValidator());

	record Row(@NotNull(message = "{validation.required}") String unit,
			@Size(max = 3, message = "{incident.taskRequired}") String task) {
	}

	record Sample(@NotNull(message = "{validation.required}") @Latitude(message = "{incident.badLat}") Double lat,
			@NotNull(message = "{validation.required}") @Longitude(message = "{incident.badLng}") Double lng,
			@NotNull(message = "{validation.required}") @Range(min = 1, max = 720,
					message = "{incident.extensionHours}") Integer hours,
			@HasText(message = "{incident.noteRequired}") @Size(max = 5,
					message = "{incident.noteTooLong}") String note,
			List<@jakarta.validation.Valid Row> rows) {
	}

	@Test
	void aWellShapedCommandPassesAndIsHandedBack() {
		Sample fine = new Sample(29.4, 106.5, 48, "好", List.of(new Row("u", "abc")));
		assertThat(shape.problems(fine)).isEmpty();
		assertThat(shape.check(fine)).isSameAs(fine);
	}

	@Test
	void problemsNameTheirFieldsInTheRecordsOrderWithTheBundleKeys() {
		Sample bad = new Sample(null, 200.0, 0, " ", List.of(new Row(null, "abcd")));
		assertThat(shape.problems(bad)).extracting(FieldProblem::field, FieldProblem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("lat", "validation.required"),
					org.assertj.core.groups.Tuple.tuple("lng", "incident.badLng"),
					org.assertj.core.groups.Tuple.tuple("hours", "incident.extensionHours"),
					org.assertj.core.groups.Tuple.tuple("note", "incident.noteRequired"),
					org.assertj.core.groups.Tuple.tuple("rows[0].task", "incident.taskRequired"),
					org.assertj.core.groups.Tuple.tuple("rows[0].unit", "validation.required"));
	}

	@Test
	void theMessagesArgumentIsTheConstraintsUpperBound() {
		Sample bad = new Sample(29.4, 106.5, 721, "太长的一段说明", List.of());
		List<FieldProblem> problems = shape.problems(bad);
		assertThat(problems).extracting(FieldProblem::field).containsExactly("hours", "note");
		// "1 到 {0} 小时" and "最多 {0} 个字": the maximum, not the minimum of the range
		assertThat(problems.get(0).args()).containsExactly(720L);
		assertThat(problems.get(1).args()).containsExactly(5);
	}

	@Test
	void aNoteOfFullWidthSpacesIsNoNote() {
		Sample blank = new Sample(29.4, 106.5, 1, "\u3000\u3000", List.of());
		assertThat(shape.problems(blank)).extracting(FieldProblem::field).containsExactly("note");
	}

	@Test
	void positionsOutsideTheEarthAndNotANumberAreRefused() {
		assertThat(shape.problems(new Sample(Double.NaN, Double.POSITIVE_INFINITY, 1, "x", List.of())))
			.extracting(FieldProblem::messageKey)
			.containsExactly("incident.badLat", "incident.badLng");
		assertThat(shape.problems(new Sample(-90.0, 180.0, 1, "x", List.of()))).isEmpty();
	}

	@Test
	void aWrongShapeIsRefusedAsInvalidInput() {
		assertThatThrownBy(() -> shape.check(new Sample(null, null, null, null, null)))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.category()).isEqualTo(Category.INVALID);
				assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
				assertThat(e.fieldProblems()).extracting(FieldProblem::field)
					.containsExactly("lat", "lng", "hours", "note");
			});
	}
}
