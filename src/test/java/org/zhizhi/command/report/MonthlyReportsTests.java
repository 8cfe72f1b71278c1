package org.zhizhi.command.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhizhi.incident.kpi.KpiPeriod;
import org.zhizhi.shared.DomainException.FieldProblem;

class MonthlyReportsTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

	@Test
	void coversThisMonthUpToTodayAndAPastMonthWhole() {
		assertThat(MonthlyReport.periodOf(YearMonth.of(2026, 6), TODAY))
			.isEqualTo(new KpiPeriod(LocalDate.of(2026, 6, 1), TODAY));
		assertThat(MonthlyReport.periodOf(YearMonth.of(2024, 2), TODAY))
			.isEqualTo(new KpiPeriod(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
		assertThat(MonthlyReport.periodOf(YearMonth.of(2026, 7), TODAY)).isNull();
	}

	@Test
	void takesAMonthThatHasBegun() {
		List<FieldProblem> problems = new ArrayList<>();
		assertThat(MonthlyReports.parseMonth(" 2026-06 ", TODAY, problems)).isEqualTo(YearMonth.of(2026, 6));
		assertThat(MonthlyReports.parseMonth("2025-12", TODAY, problems)).isEqualTo(YearMonth.of(2025, 12));
		assertThat(problems).isEmpty();
	}

	@Test
	void refusesAMonthToComeOrUnreadableOrMissingNamingTheField() {
		assertThat(problem(p -> MonthlyReports.parseMonth("2026-07", TODAY, p))).isEqualTo("month:command.report.monthToCome");
		assertThat(problem(p -> MonthlyReports.parseMonth("2026-13", TODAY, p))).isEqualTo("month:command.report.badMonth");
		assertThat(problem(p -> MonthlyReports.parseMonth("June", TODAY, p))).isEqualTo("month:command.report.badMonth");
		assertThat(problem(p -> MonthlyReports.parseMonth(" ", TODAY, p))).isEqualTo("month:command.report.monthRequired");
	}

	@Test
	void takesPdfOrXlsxInAnyCaseAndNothingElse() {
		List<FieldProblem> problems = new ArrayList<>();
		assertThat(MonthlyReports.parseFormat("pdf", problems)).isEqualTo(ReportFormat.PDF);
		assertThat(MonthlyReports.parseFormat("XLSX", problems)).isEqualTo(ReportFormat.XLSX);
		assertThat(problems).isEmpty();
		assertThat(problem(p -> MonthlyReports.parseFormat("docx", p))).isEqualTo("format:command.report.badFormat");
		assertThat(problem(p -> MonthlyReports.parseFormat(null, p))).isEqualTo("format:command.report.badFormat");
	}

	private static String problem(java.util.function.Consumer<List<FieldProblem>> check) {
		List<FieldProblem> problems = new ArrayList<>();
		check.accept(problems);
		assertThat(problems).hasSize(1);
		return problems.getFirst().field() + ":" + problems.getFirst().messageKey();
	}
}
