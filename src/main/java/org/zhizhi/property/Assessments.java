package org.zhizhi.property;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.Rating;
import org.zhizhi.property.PropertyCommands.RateCompany;
import org.zhizhi.property.PropertyViews.CategoryCount;
import org.zhizhi.property.PropertyViews.Company;
import org.zhizhi.property.PropertyViews.Contract;
import org.zhizhi.property.PropertyViews.LoopFigures;
import org.zhizhi.property.PropertyViews.QuarterScore;
import org.zhizhi.property.PropertyViews.RatingView;
import org.zhizhi.property.persistence.JdbcInspections;
import org.zhizhi.property.persistence.JdbcRatings;
import org.zhizhi.property.persistence.JdbcRectifications;
import org.zhizhi.property.persistence.JdbcRegister;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.GridShare;
import org.zhizhi.territory.Installation;
import org.zhizhi.territory.PlaceQueries;

/**
 * 季考核 and 年评定. A quarter's score is computed when asked, from what the quarter holds — the inspections, the
 * whistle loop's incidents in the company's estates (their grids) and the rectifications — so it moves as they come
 * in; a quarter without a submitted inspection is not scored at all (0 of 60 plus the loop's 40 would read as a
 * failing company that nobody looked at). A year's rating is the mean of its scored quarters, given once and kept,
 * with the title 红岩先锋物业 for an excellent company the party reaches.
 */
@Service
public class Assessments {

	static final int MAX_INCIDENTS = 5000;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final JdbcRegister register;

	private final JdbcInspections inspections;

	private final JdbcRectifications rectifications;

	private final JdbcRatings ratings;

	private final IncidentQueries incidents;

	private final PlaceQueries places;

	private final Installation installation;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	Assessments(JdbcRegister register, JdbcInspections inspections, JdbcRectifications rectifications,
			JdbcRatings ratings, IncidentQueries incidents, PlaceQueries places, Installation installation,
			CommandShape shape, Clock clock, ZoneId zone) {
		this.register = register;
		this.inspections = inspections;
		this.rectifications = rectifications;
		this.ratings = ratings;
		this.incidents = incidents;
		this.places = places;
		this.installation = installation;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	@Transactional(readOnly = true)
	public QuarterScore quarter(Actor actor, UUID companyId, int year, int quarter) {
		PropertyCompanies.requireDesk(actor);
		Company company = register.company(actor.scope(), companyId)
			.orElseThrow(() -> DomainException.notFound("company"));
		if (quarter < 1 || quarter > 4) {
			throw DomainException.invalid(List.of(new FieldProblem("quarter", "property.range")));
		}
		return score(company, year, quarter);
	}

	/** The quarters of a year so far. */
	@Transactional(readOnly = true)
	public List<QuarterScore> quarters(Actor actor, UUID companyId, int year) {
		PropertyCompanies.requireDesk(actor);
		Company company = register.company(actor.scope(), companyId)
			.orElseThrow(() -> DomainException.notFound("company"));
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<QuarterScore> scores = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			if (LocalDate.of(year, 3 * q - 2, 1).isAfter(today)) {
				break;
			}
			scores.add(score(company, year, q));
		}
		return scores;
	}

	QuarterScore score(Company company, int year, int quarter) {
		Instant from = LocalDate.of(year, 3 * quarter - 2, 1).atStartOfDay(zone).toInstant();
		Instant to = LocalDate.of(year, 3 * quarter - 2, 1).plusMonths(3).atStartOfDay(zone).toInstant();
		Instant now = clock.instant();
		List<Inspection> done = inspections.submitted(company.id(), from, to);
		if (done.isEmpty()) {
			return new QuarterScore(company.id(), year, quarter, 0, null, null, null, null, 0, null, null,
					loop(company, from, to, now));
		}
		BigDecimal mean = done.stream().map(i -> i.score().percent()).reduce(BigDecimal.ZERO, BigDecimal::add)
					.divide(BigDecimal.valueOf(done.size()), 1, RoundingMode.HALF_UP);
		LoopFigures loop = loop(company, from, to, now);
		BigDecimal inspectionPart = mean.multiply(BigDecimal.valueOf(60)).divide(HUNDRED, 1, RoundingMode.HALF_UP);
		BigDecimal handling = loop.incidents() == 0 ? BigDecimal.valueOf(20).setScale(1)
				: BigDecimal.valueOf(20L * (loop.incidents() - loop.overdue()))
					.divide(BigDecimal.valueOf(loop.incidents()), 1, RoundingMode.HALF_UP);
		BigDecimal satisfaction = loop.rated() == 0 ? BigDecimal.valueOf(20).setScale(1)
				: BigDecimal.valueOf(20L * loop.satisfied())
					.divide(BigDecimal.valueOf(loop.rated()), 1, RoundingMode.HALF_UP);
		int late = (int) rectifications.ofCompany(company.id(), from, to).stream()
			.filter(r -> r.loop().escalations() > 0 || r.loop().redCards() > 0 || r.overdue(now))
			.count();
		BigDecimal deduction = BigDecimal.valueOf(Math.min(10, 2 * late)).setScale(1);
		BigDecimal score = inspectionPart.add(handling).add(satisfaction).subtract(deduction).max(BigDecimal.ZERO);
		return new QuarterScore(company.id(), year, quarter, done.size(), mean, inspectionPart, handling,
				satisfaction, late, deduction, score.setScale(1, RoundingMode.HALF_UP), loop);
	}

	/**
	 * The residents' side from the whistle loop: incidents reported in the grids of the company's estates in the
	 * period (the company's own rectification orders left out: those are scored by the deduction), by category; how
	 * many ran past their resolution deadline; how the closed ones were rated.
	 */
	LoopFigures loop(Company company, Instant from, Instant to, Instant now) {
		List<UUID> grids = register.contractsOf(company.id()).stream()
			.map(Contract::estateId)
			.distinct()
			.flatMap(e -> places.gridsOfEstate(installation.whole(), e).stream())
			.map(GridShare::gridId)
			.distinct()
			.toList();
		List<IncidentView> found = incidents.reportedInGrids(installation.whole(), grids, from, to, MAX_INCIDENTS)
			.stream()
			.filter(i -> !Rectifications.CATEGORY.equals(i.categoryCode()))
			.toList();
		Map<String, Integer> byCategory = new LinkedHashMap<>();
		int closed = 0;
		int overdue = 0;
		int rated = 0;
		int satisfied = 0;
		for (IncidentView i : found) {
			byCategory.merge(i.categoryCode(), 1, Integer::sum);
			closed += i.closedAt() != null ? 1 : 0;
			boolean late = i.resolveDueAt() != null && (i.closedAt() != null ? i.closedAt().isAfter(i.resolveDueAt())
					: now.isAfter(i.resolveDueAt()));
			overdue += late ? 1 : 0;
			if (i.rating() != null) {
				rated++;
				satisfied += i.rating() == Rating.UNSATISFIED ? 0 : 1;
			}
		}
		return new LoopFigures(found.size(), closed, overdue, rated, satisfied, byCategory.entrySet().stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.map(e -> new CategoryCount(e.getKey(), e.getValue()))
			.toList());
	}

	/** 年评定: the mean of the year's four quarters; the title only for an excellent company the party reaches. */
	@Transactional
	public RatingView rate(Actor actor, UUID companyId, RateCompany command) {
		if (!actor.hasAny(PropertyRoles.RATERS)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		Company company = register.company(actor.scope(), companyId)
			.orElseThrow(() -> DomainException.notFound("company"));
		List<FieldProblem> more = new ArrayList<>();
		if (command.year() != null && command.year() > LocalDate.now(clock.withZone(zone)).getYear()) {
			more.add(new FieldProblem("year", "property.yearNotOver"));
		}
		shape.check(command, more);
		List<QuarterScore> quarters = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			quarters.add(score(company, command.year(), q));
		}
		BigDecimal score = yearScore(quarters).orElseThrow(
				() -> new DomainException(Category.CONFLICT, "NOT_INSPECTED", "property.notInspected"));
		Grade grade = Grade.of(score);
		boolean titled = Boolean.TRUE.equals(command.title());
		if (titled && !mayBeTitled(grade, company.partyOrg())) {
			throw DomainException.invalid(List.of(new FieldProblem("title", "property.titleNotEarned")));
		}
		if (!ratings.insert(Ids.newId(clock), company.id(), command.year(), score, grade, titled, actor.userId(),
				clock.instant())) {
			throw new DomainException(Category.CONFLICT, "RATED_ALREADY", "property.ratedAlready");
		}
		return ratings.ofCompany(company.id()).stream().filter(r -> r.year() == command.year()).findFirst()
			.orElseThrow();
	}

	/** The year's score: the mean of the quarters that were scored (inspected), none when none was. */
	static Optional<BigDecimal> yearScore(List<QuarterScore> quarters) {
		List<BigDecimal> scored = quarters.stream().map(QuarterScore::score).filter(s -> s != null).toList();
		if (scored.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(scored.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(scored.size()), 1, RoundingMode.HALF_UP));
	}

	/** 红岩先锋物业 goes to an excellent company that the party reaches (its own branch, an instructor or members). */
	public static boolean mayBeTitled(Grade grade, PartyOrg partyOrg) {
		return grade == Grade.EXCELLENT && partyOrg != PartyOrg.NONE;
	}

	@Transactional(readOnly = true)
	public List<RatingView> ratings(Actor actor, int year) {
		PropertyCompanies.requireDesk(actor);
		return ratings.ofYear(actor.scope(), year);
	}

	/** What the public result page shows of a company: its name, party coverage, estates and ratings — no person. */
	public record PublicResult(String name, PartyOrg partyOrg, List<String> estates, List<RatingView> ratings) {
	}

	@Transactional(readOnly = true)
	public PublicResult publicResult(UUID companyId) {
		Company company = register.company(companyId).orElseThrow(() -> DomainException.notFound("company"));
		List<RatingView> rated = ratings.ofCompany(companyId);
		if (rated.isEmpty()) {
			throw DomainException.notFound("company");
		}
		return new PublicResult(company.name(), company.partyOrg(),
				register.contractsOf(companyId).stream().map(Contract::estateName).distinct().toList(), rated);
	}
}
