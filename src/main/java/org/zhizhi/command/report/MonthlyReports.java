package org.zhizhi.command.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.zhizhi.command.ScreenAccess;
import org.zhizhi.command.persistence.JdbcReportOrders;
import org.zhizhi.command.persistence.JdbcReportOrders.Ordered;
import org.zhizhi.command.screen.ScreenScope;
import org.zhizhi.command.screen.ScreenScopes;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.documents.ChineseFont;
import org.zhizhi.shared.jobs.Job;
import org.zhizhi.shared.jobs.LongWork;
import org.zhizhi.shared.jobs.LongWork.Result;
import org.zhizhi.territory.OrgUnit;

/**
 * Orders a month's report: checks who asks and what (the node in his scope, a month that has begun, a format), then
 * hands the gathering and the writing to {@link LongWork}, so that the page and the API answer at once and
 * {@code /jobs/{id}} shows the progress and then the file. Who may: whoever has a command centre of his own — the
 * district's, a street's, a community's staff who read the KPIs ({@link ScreenAccess#hasOwnScreen}).
 */
@Service
public class MonthlyReports {

	/** The job's kind, a message key (the jobs list names it). */
	public static final String KIND = "job.kind.commandReport";

	/** How many of his report jobs the page lists (jobs are kept a day). */
	static final int RECENT = 20;

	private final MonthlyReport report;

	private final ScreenScopes scopes;

	private final LongWork work;

	private final IncidentKpis kpis;

	private final MessageSource messages;

	private final ChineseFont font;

	private final ZoneId zone;

	private final JdbcReportOrders orders;

	private final Clock clock;

	MonthlyReports(MonthlyReport report, ScreenScopes scopes, LongWork work, IncidentKpis kpis,
			MessageSource messages, ChineseFont font, ZoneId zone, JdbcReportOrders orders, Clock clock) {
		this.orders = orders;
		this.clock = clock;
		this.report = report;
		this.scopes = scopes;
		this.work = work;
		this.kpis = kpis;
		this.messages = messages;
		this.font = font;
		this.zone = zone;
	}

	public static boolean mayOrder(Actor actor) {
		return ScreenAccess.hasOwnScreen(actor);
	}

	/** A checked order: the node found in the viewer's scope, the month, the format. */
	public record Order(ScreenScope screen, YearMonth month, ReportFormat format) {
	}

	/**
	 * Checks an order as the form and the API send it (text): a resident is refused (403), a node outside the scope
	 * is not found (404), and a bad month, format or node is a field problem naming each field at once.
	 */
	public Order check(Actor viewer, String scope, String month, String format) {
		if (!mayOrder(viewer)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "command.report.roleNotAllowed");
		}
		List<FieldProblem> problems = new ArrayList<>();
		UUID node = null;
		try {
			node = ScreenScopes.parse(scope);
		}
		catch (DomainException e) {
			problems.addAll(e.fieldProblems());
		}
		YearMonth asked = parseMonth(month, kpis.today(), problems);
		ReportFormat as = parseFormat(format, problems);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return new Order(scopes.resolve(viewer, node, null), asked, as);
	}

	static YearMonth parseMonth(String month, LocalDate today, List<FieldProblem> problems) {
		if (month == null || month.isBlank()) {
			problems.add(new FieldProblem("month", "command.report.monthRequired"));
			return null;
		}
		try {
			YearMonth asked = YearMonth.parse(month.strip());
			if (MonthlyReport.periodOf(asked, today) == null) {
				problems.add(new FieldProblem("month", "command.report.monthToCome"));
			}
			return asked;
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem("month", "command.report.badMonth"));
			return null;
		}
	}

	static ReportFormat parseFormat(String format, List<FieldProblem> problems) {
		if (format != null) {
			for (ReportFormat f : ReportFormat.values()) {
				if (f.name().equalsIgnoreCase(format.strip())) {
					return f;
				}
			}
		}
		problems.add(new FieldProblem("format", "command.report.badFormat"));
		return null;
	}

	/**
	 * Starts the report in the background and records what it was ordered for (the list of his reports names each by
	 * node, month and format, which the job itself does not keep); answers the job's id at once.
	 */
	public UUID start(Actor viewer, Order order, Locale locale) {
		UUID job = work.start(viewer, KIND, "/command/reports", progress -> {
			progress.total(MonthlyReport.STEPS);
			ReportContent content = report.gather(order.screen(), order.month(), progress);
			ReportDocument document = ReportSections.layout(content,
					(key, args) -> messages.getMessage(key, args, key, locale), zone);
			byte[] file = order.format() == ReportFormat.PDF ? ReportPdf.write(document, font.create())
					: ReportWorkbook.write(document);
			progress.advance();
			return Result.file(fileName(order), order.format().contentType(), file);
		});
		OrgUnit node = order.screen().unit();
		orders.insert(new Ordered(job, node.id(), node.name(), order.month(), order.format()), viewer.userId(),
				node.path(), clock.instant());
		return job;
	}

	static String fileName(Order order) {
		return order.screen().unit().name() + "-" + order.month() + "-月报." + order.format().extension();
	}

	/**
	 * One of his report jobs and what it was ordered for; the order is null for a job started before orders were
	 * recorded (jobs are kept a day).
	 */
	public record RecentReport(Job job, Ordered order) {
	}

	/** His report jobs of the last day, newest first, each with its node, month and format. */
	public List<RecentReport> recent(Actor viewer) {
		List<Job> jobs = work.jobsOf(viewer, 100).stream().filter(j -> KIND.equals(j.kind())).limit(RECENT).toList();
		Map<UUID, Ordered> ordered = orders.of(viewer.userId(), jobs.stream().map(Job::id).toList());
		return jobs.stream().map(j -> new RecentReport(j, ordered.get(j.id()))).toList();
	}

	/**
	 * The nodes the form offers: his own and the streets (or communities) one level down — the big screen's switcher.
	 * The API takes any node of his scope at a command centre's level.
	 */
	public List<OrgUnit> nodes(Actor viewer) {
		ScreenScope own = scopes.resolve(viewer, null, null);
		List<OrgUnit> nodes = new ArrayList<>();
		nodes.add(own.unit());
		nodes.addAll(scopes.below(own));
		return nodes;
	}

	public LocalDate today() {
		return kpis.today();
	}
}
