package org.zhizhi.points;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.points.PointsCommands.NewRule;
import org.zhizhi.points.PointsCommands.NewScheme;
import org.zhizhi.points.PointsCommands.ReverseMovement;
import org.zhizhi.points.PointsCommands.ReviseRule;
import org.zhizhi.points.persistence.JdbcLedger;
import org.zhizhi.points.persistence.JdbcLedger.Written;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * The points desk's commands: schemes of a node of the caller's scope, their rules and the rules' next versions,
 * corrections of the ledger by reversal, and the lapse of old points. Everything the ledger writes goes through
 * {@link JdbcLedger#post}: entries that sum to zero, once per source.
 */
@Service
public class PointsManagement {

	private final JdbcSchemes schemes;

	private final JdbcLedger ledger;

	private final PointsEarning earning;

	private final OrgUnitQueries orgUnits;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	PointsManagement(JdbcSchemes schemes, JdbcLedger ledger, PointsEarning earning, OrgUnitQueries orgUnits,
			CommandShape shape, Clock clock, ZoneId zone) {
		this.schemes = schemes;
		this.ledger = ledger;
		this.earning = earning;
		this.orgUnits = orgUnits;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	/** A scheme run by a node of the caller's scope; one of a kind per node (its code is the kind and the node's). */
	@Transactional
	public Scheme createScheme(Actor actor, NewScheme command) {
		requireDesk(actor);
		shape.check(command);
		OrgUnit unit = orgUnits.find(actor.scope(), command.orgUnitId())
			.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("orgUnitId", "points.orgUnitNotYours"))));
		String code = command.kind().name().toLowerCase() + "-" + unit.code();
		if (schemes.byCode(code).isPresent()) {
			throw new DomainException(Category.CONFLICT, "SCHEME_EXISTS", "points.schemeExists", unit.name());
		}
		Instant now = clock.instant();
		Scheme scheme = new Scheme(Ids.newId(clock), code, command.kind(), command.name().strip(), unit.id(),
				unit.name(), unit.path(), DataScope.districtOf(unit.path()), command.yuanPerPoint(),
				command.expiryMonths(), command.noticeDays() == null ? 7 : command.noticeDays(), now);
		schemes.insert(scheme);
		earning.pool(scheme);
		return scheme;
	}

	/** A rule's first version; a virtue bank's rule names its dimension (修身、润家、睦邻、怡城). */
	@Transactional
	public Rule addRule(Actor actor, UUID schemeId, NewRule command) {
		Scheme scheme = deskScheme(actor, schemeId);
		List<FieldProblem> more = new ArrayList<>();
		if (scheme.kind() == SchemeKind.VIRTUE && command.dimension() == null) {
			more.add(new FieldProblem("dimension", "points.dimensionRequired"));
		}
		shape.check(command, more);
		String code = command.code().strip();
		if (schemes.latestForUpdate(schemeId, code).isPresent()) {
			throw new DomainException(Category.CONFLICT, "RULE_EXISTS", "points.ruleExists", code);
		}
		Rule rule = new Rule(Ids.newId(clock), schemeId, code, 1, command.name().strip(), command.dimension(),
				command.source(), command.points(), command.dailyCap(), command.monthlyCap(), command.validFrom(), null,
				false);
		schemes.insert(rule, clock.instant());
		return rule;
	}

	/** The rule's next version from a day on; the one before ends that day (a used one keeps its past). */
	@Transactional
	public Rule reviseRule(Actor actor, UUID schemeId, String code, ReviseRule command) {
		deskScheme(actor, schemeId);
		shape.check(command);
		Rule latest = schemes.latestForUpdate(schemeId, code).orElseThrow(() -> DomainException.notFound("rule"));
		Rule next = latest.revise(Ids.newId(clock), command.name().strip(), command.points(), command.dailyCap(),
				command.monthlyCap(), command.validFrom(), LocalDate.now(clock.withZone(zone)));
		schemes.end(latest.id(), command.validFrom());
		schemes.insert(next, clock.instant());
		return next;
	}

	/**
	 * A correction: the movement's mirror image with the reason, once. Only points earned or lapsed are reversed — a
	 * redemption is cancelled, not reversed — and only by a desk whose scope holds every person the movement touched;
	 * points already spent cannot be taken back ({@code INSUFFICIENT_POINTS}).
	 */
	@Transactional
	public UUID reverse(Actor actor, UUID movementId, ReverseMovement command) {
		requireDesk(actor);
		Written movement = ledger.movement(movementId).orElseThrow(() -> DomainException.notFound("movement"));
		for (Posting posting : movement.postings()) {
			PointsAccount account = ledger.accountById(posting.accountId()).orElseThrow();
			if (account.kind() == AccountKind.PERSON && !actor.scope().covers(account.scopePath())) {
				throw DomainException.notFound("movement");
			}
		}
		if (movement.kind() != MovementKind.EARN && movement.kind() != MovementKind.EXPIRY) {
			throw new DomainException(Category.CONFLICT, "NOT_REVERSIBLE", "points.notReversible");
		}
		shape.check(command);
		UUID id = Ids.newId(clock);
		boolean written = ledger.post(new NewMovement(id, movement.schemeId(), MovementKind.REVERSAL,
				"reversal:" + movementId, null, command.reason().strip(), movementId, null, actor.userId(),
				actor.displayName(), clock.instant(), movement.districtId(),
				movement.postings().stream().map(p -> new Posting(p.accountId(), -p.amount())).toList()));
		if (!written) {
			throw new DomainException(Category.CONFLICT, "ALREADY_REVERSED", "points.alreadyReversed");
		}
		return id;
	}

	/**
	 * Points earned long enough ago lapse where the scheme says so: what of them is left (the oldest are spent first)
	 * goes back to the pool, once per account and day. Answers how many accounts lost points.
	 */
	@Transactional
	public int lapse(LocalDate day, int limit) {
		int lapsed = 0;
		for (UUID accountId : ledger.accountsWithLapsingPoints(day, limit)) {
			if (lapse(accountId, day)) {
				lapsed++;
			}
		}
		return lapsed;
	}

	/** One account's points due to lapse by the day, once per account and day; false if none were left. */
	@Transactional
	public boolean lapse(UUID accountId, LocalDate day) {
		ledger.lock(accountId);
		long points = ledger.lapsing(accountId, day);
		if (points == 0) {
			return false;
		}
		PointsAccount account = ledger.accountById(accountId).orElseThrow();
		Scheme scheme = schemes.scheme(account.schemeId()).orElseThrow();
		PointsAccount pool = earning.pool(scheme);
		return ledger.post(new NewMovement(Ids.newId(clock), scheme.id(), MovementKind.EXPIRY,
				"expiry:" + accountId + ":" + day, null, "积分到期", null, null, null, null, clock.instant(),
				scheme.districtId(), NewMovement.transfer(accountId, pool.id(), points)));
	}

	private Scheme deskScheme(Actor actor, UUID schemeId) {
		requireDesk(actor);
		return schemes.scheme(schemeId)
			.filter(s -> actor.scope().covers(s.scopePath()))
			.orElseThrow(() -> DomainException.notFound("scheme"));
	}

	private static void requireDesk(Actor actor) {
		if (!actor.hasAny(PointsRoles.DESK)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}
}
