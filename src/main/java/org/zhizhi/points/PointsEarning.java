package org.zhizhi.points;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.points.persistence.JdbcLedger;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.Ids;

/**
 * Pays a person a rule's points for a deed, once per source: the pool issues them to his account, cut to what the
 * rule's caps leave him today and this month (his account row is locked while they are counted, so two deeds at once
 * cannot both slip under a cap), lapsing where the scheme says, and the rule's version is frozen from then on.
 */
@Component
class PointsEarning {

	private final JdbcLedger ledger;

	private final JdbcSchemes schemes;

	private final Clock clock;

	private final ZoneId zone;

	PointsEarning(JdbcLedger ledger, JdbcSchemes schemes, Clock clock, ZoneId zone) {
		this.ledger = ledger;
		this.schemes = schemes;
		this.clock = clock;
		this.zone = zone;
	}

	/** What one earning came to: the movement (if any points were left under the caps) and the points paid. */
	record Earned(Optional<UUID> movementId, long points) {
	}

	/**
	 * The points of {@code rule} for {@code holder}'s deed at {@code at}; a source earned already answers what it
	 * earned then. {@code by} is who awarded them (the vetter of a claim), null for an event.
	 */
	@Transactional
	Earned earn(Scheme scheme, Rule rule, Holder holder, String sourceKey, String reason, Instant at, UUID by,
			String byName) {
		return earn(scheme, rule, holder, sourceKey, reason, at, by, byName, 1);
	}

	/** The same for {@code units} of the deed at once (the hours of one activity). */
	@Transactional
	Earned earn(Scheme scheme, Rule rule, Holder holder, String sourceKey, String reason, Instant at, UUID by,
			String byName, long units) {
		Optional<UUID> earlier = ledger.movementOf(sourceKey);
		if (earlier.isPresent()) {
			return new Earned(earlier, 0);
		}
		PointsAccount person = ledger.account(scheme.id(), AccountKind.PERSON, holder.id(), holder.name(),
				holder.scopePath(), holder.districtId(), clock.instant());
		PointsAccount pool = pool(scheme);
		ledger.lock(person.id());
		LocalDate day = LocalDate.ofInstant(at, zone);
		Instant dayStart = day.atStartOfDay(zone).toInstant();
		Instant monthStart = YearMonth.from(day).atDay(1).atStartOfDay(zone).toInstant();
		long today = ledger.earnedUnder(person.id(), scheme.id(), rule.code(), dayStart,
				day.plusDays(1).atStartOfDay(zone).toInstant());
		long month = ledger.earnedUnder(person.id(), scheme.id(), rule.code(), monthStart,
				YearMonth.from(day).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
		long points = rule.pointsWithin(today, month, units);
		if (points == 0) {
			return new Earned(Optional.empty(), 0);
		}
		UUID id = Ids.newId(clock);
		LocalDate expires = scheme.expiryMonths() == null ? null : day.plusMonths(scheme.expiryMonths());
		boolean written = ledger.post(new NewMovement(id, scheme.id(), MovementKind.EARN, sourceKey, rule.id(),
				reason, null, expires, by, byName, at, scheme.districtId(),
				NewMovement.transfer(pool.id(), person.id(), points)));
		schemes.markInUse(rule.id());
		return written ? new Earned(Optional.of(id), points) : new Earned(ledger.movementOf(sourceKey), 0);
	}

	/**
	 * Takes back what a deed paid the holder under the rule beyond the worth of the {@code units} it is corrected to
	 * ({@link Rule#takenBack}): the deed's movements are those whose source keys begin with {@code paidFor}, net of
	 * what was taken back or reversed since; points he spent are not taken back, as with a reversal. Once per source:
	 * a second call answers zero. The points go back to the pool (a {@code CORRECTION} with its reason).
	 */
	@Transactional
	long takeBack(Scheme scheme, Rule rule, UUID holderId, String paidFor, long units, String sourceKey, String reason,
			Instant at) {
		Optional<PointsAccount> found = ledger.find(scheme.id(), AccountKind.PERSON, holderId);
		if (found.isEmpty() || ledger.movementOf(sourceKey).isPresent()) {
			return 0;
		}
		ledger.lock(found.get().id());
		PointsAccount person = ledger.accountById(found.get().id()).orElseThrow();
		long taken = rule.takenBack(ledger.paidUnder(person.id(), rule.code(), paidFor), units, person.balance());
		if (taken <= 0) {
			return 0;
		}
		boolean written = ledger.post(new NewMovement(Ids.newId(clock), scheme.id(), MovementKind.CORRECTION,
				sourceKey, rule.id(), reason, null, null, null, null, at, scheme.districtId(),
				NewMovement.transfer(person.id(), pool(scheme).id(), taken)));
		return written ? taken : 0;
	}

	/** The scheme's pool, which issues every point earned. */
	@Transactional
	PointsAccount pool(Scheme scheme) {
		return ledger.account(scheme.id(), AccountKind.POOL, null, scheme.name(), scheme.scopePath(),
				scheme.districtId(), clock.instant());
	}
}
