package org.zhizhi.points;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.media.Photos;
import org.zhizhi.points.PointsClaimCommands.ClaimDeed;
import org.zhizhi.points.PointsClaimCommands.Reason;
import org.zhizhi.points.persistence.JdbcPointsClaims;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Sha256;

/**
 * Claims of deeds: a person claims one with a photo, a grid worker or building head nominates someone; the desk vets
 * it (never its own), it stays on public notice for the scheme's days, and the notice sweep credits it through the
 * ledger — under the caps of the rule's version of the deed's day — unless an objection was upheld. What looks like
 * fraud is flagged for the vetter: the same photo in another claim, a burst of nominations from one person.
 */
@Service
public class PointsClaims {

	/** A deed is claimed within this many days. */
	static final int MAX_AGE_DAYS = 30;

	/** More nominations than this from one person within an hour are flagged. */
	static final int BURST = 10;

	private final JdbcPointsClaims claims;

	private final JdbcSchemes schemes;

	private final PointsEarning earning;

	private final AccountQueries accounts;

	private final Photos photos;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	PointsClaims(JdbcPointsClaims claims, JdbcSchemes schemes, PointsEarning earning, AccountQueries accounts, Photos photos,
			CommandShape shape, Clock clock, ZoneId zone) {
		this.claims = claims;
		this.schemes = schemes;
		this.earning = earning;
		this.accounts = accounts;
		this.photos = photos;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	/** A deed claimed by the person himself ({@code photo} required) or for someone by a nominator. */
	@Transactional
	public PointsClaim submit(Actor actor, ClaimDeed command, byte[] photo) {
		boolean nomination = command.nomineeId() != null;
		if (!actor.hasAny(nomination ? PointsRoles.NOMINATORS : PointsRoles.EARNERS)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		List<FieldProblem> problems = new ArrayList<>(shape.problems(command));
		Scheme scheme = command.schemeId() == null ? null : schemes.scheme(command.schemeId()).orElse(null);
		Holder claimant = null;
		if (nomination) {
			Account nominee = accounts.find(actor.scope(), command.nomineeId()).orElse(null);
			if (nominee == null) {
				problems.add(new FieldProblem("nomineeId", "points.nomineeNotFound"));
			}
			else if (nominee.id().equals(actor.userId())) {
				problems.add(new FieldProblem("nomineeId", "points.ownClaim"));
			}
			else {
				claimant = new Holder(nominee.id(), nominee.displayName(), nominee.scopePath(),
						DataScope.districtOf(nominee.scopePath()));
			}
		}
		else {
			claimant = new Holder(actor.userId(), actor.displayName(), actor.scope().path(),
					DataScope.districtOf(actor.scope().path()));
		}
		java.util.Set<org.zhizhi.shared.Role> claimantRoles = nomination
				? accounts.find(actor.scope(), command.nomineeId()).map(Account::roles).orElse(java.util.Set.of())
				: actor.roles();
		if (command.schemeId() != null && (scheme == null
				|| (claimant != null && !claimant.scopePath().startsWith(scheme.scopePath()))
				|| !eligible(scheme, claimantRoles))) {
			problems.add(new FieldProblem("schemeId", "points.schemeNotYours"));
			scheme = null;
		}
		Rule rule = null;
		if (scheme != null && command.ruleCode() != null && command.deedOn() != null) {
			rule = schemes.inForce(scheme.id(), command.ruleCode().strip(), command.deedOn())
				.filter(r -> r.source() == RuleSource.CLAIM)
				.orElse(null);
			if (rule == null) {
				problems.add(new FieldProblem("ruleCode", "points.noSuchItem"));
			}
		}
		if (command.deedOn() != null
				&& (command.deedOn().isAfter(today) || command.deedOn().isBefore(today.minusDays(MAX_AGE_DAYS)))) {
			problems.add(new FieldProblem("deedOn", "points.deedDate"));
		}
		if (!nomination && (photo == null || photo.length == 0)) {
			problems.add(new FieldProblem("photo", "points.photoRequired"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		UUID photoId = null;
		String photoHash = null;
		List<String> flags = new ArrayList<>();
		if (photo != null && photo.length > 0) {
			photoHash = Sha256.hex(photo);
			if (claims.withPhoto(scheme.id(), photoHash) > 0) {
				flags.add("SAME_PHOTO");
			}
			photoId = photos.store(photo).id();
		}
		if (nomination && claims.nominatedSince(actor.userId(), now.minus(Duration.ofHours(1))) >= BURST) {
			flags.add("BURST");
		}
		PointsClaim claim = PointsClaim.submit(Ids.newId(clock),
				new PointsClaim.Deed(scheme.id(), rule.id(), rule.code(), rule.name(), rule.points(), claimant,
						nomination ? actor.userId() : null, nomination ? actor.displayName() : null, command.deedOn(),
						command.description().strip(), photoId, photoHash,
						flags.isEmpty() ? null : String.join(",", flags)),
				now);
		claims.insert(claim);
		return claim;
	}

	/** Onto public notice for the scheme's days, counted from today. */
	@Transactional
	public PointsClaim approve(Actor actor, UUID id) {
		Instant now = clock.instant();
		return step(actor, id, PointsClaimAction.APPROVE, claim -> {
			Scheme scheme = schemes.scheme(claim.deed().schemeId()).orElseThrow();
			LocalDate until = LocalDate.ofInstant(now, zone).plusDays(scheme.noticeDays() - 1L);
			claim.approve(actor.userId(), actor.displayName(), now, until);
		});
	}

	@Transactional
	public PointsClaim reject(Actor actor, UUID id, Reason command) {
		return step(actor, id, PointsClaimAction.REJECT, claim -> {
			shape.check(command);
			claim.reject(command.reason().strip(), actor.userId(), actor.displayName(), clock.instant());
		});
	}

	@Transactional
	public PointsClaim withdraw(Actor actor, UUID id) {
		return step(actor, id, PointsClaimAction.WITHDRAW, claim -> claim.withdraw(actor.userId(), clock.instant()));
	}

	@Transactional
	public PointsClaim object(Actor actor, UUID id, Reason command) {
		return step(actor, id, PointsClaimAction.OBJECT, claim -> {
			shape.check(command);
			claim.object(command.reason().strip(), actor.userId(), clock.instant());
		});
	}

	@Transactional
	public PointsClaim uphold(Actor actor, UUID id, Reason command) {
		return step(actor, id, PointsClaimAction.UPHOLD, claim -> {
			shape.check(command);
			claim.uphold(command.reason().strip(), actor.userId(), actor.displayName(), clock.instant());
		});
	}

	@Transactional
	public PointsClaim dismiss(Actor actor, UUID id, Reason command) {
		return step(actor, id, PointsClaimAction.DISMISS, claim -> {
			shape.check(command);
			claim.dismiss(command.reason().strip(), actor.userId(), actor.displayName(), clock.instant());
		});
	}

	/**
	 * Credits a claim whose notice has run, in one transaction with its points: the ledger pays once per claim, and a
	 * claim objected to meanwhile (the versioned save loses) is left for the desk, with nothing paid.
	 */
	@Transactional
	public boolean credit(UUID id) {
		PointsClaim claim = claims.findById(id).orElseThrow();
		if (claim.state() != PointsClaimState.ON_NOTICE) {
			return false;
		}
		Instant now = clock.instant();
		Scheme scheme = schemes.scheme(claim.deed().schemeId()).orElseThrow();
		Rule rule = schemes.rule(claim.deed().ruleId()).orElseThrow();
		PointsEarning.Earned earned = earning.earn(scheme, rule, claim.deed().claimant(), "claim:" + id,
				claim.deed().ruleName(), now, claim.vettedBy(), claim.vettedByName());
		claim.credit(earned.movementId().orElse(null), earned.points(), now);
		if (!claims.save(claim)) {
			throw new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "points.changedMeanwhile");
		}
		return true;
	}

	/** A claim's photo, for the person, his nominator and the desk of its scope only. */
	public java.util.Optional<byte[]> photo(Actor actor, UUID id) {
		PointsClaim claim = visible(actor, id);
		PointsClaimPolicy.Relation relation = relation(actor, claim);
		if ((!relation.own() && !relation.desk()) || claim.deed().photoId() == null) {
			return java.util.Optional.empty();
		}
		return photos.photo(claim.deed().photoId());
	}

	/** Who earns in a scheme: party members in member points, anyone of the place in the others. */
	static boolean eligible(Scheme scheme, java.util.Set<org.zhizhi.shared.Role> roles) {
		return scheme.kind() != SchemeKind.MEMBER || roles.contains(org.zhizhi.shared.Role.PARTY_MEMBER);
	}

	/** The items a person may claim today in the schemes that cover him and he earns in, by scheme. */
	public java.util.Map<Scheme, List<Rule>> claimable(Actor actor) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		java.util.Map<Scheme, List<Rule>> items = new java.util.LinkedHashMap<>();
		for (Scheme scheme : schemes.visibleTo(actor.scope())) {
			if (!actor.scope().path().startsWith(scheme.scopePath()) || !eligible(scheme, actor.roles())) {
				continue;
			}
			List<Rule> rules = schemes.rules(scheme.id())
				.stream()
				.filter(r -> r.source() == RuleSource.CLAIM && r.appliesOn(today))
				.toList();
			if (!rules.isEmpty()) {
				items.put(scheme, rules);
			}
		}
		return items;
	}

	/** How a person stands to a claim. */
	PointsClaimPolicy.Relation relation(Actor actor, PointsClaim claim) {
		PointsClaim.Deed deed = claim.deed();
		boolean claimant = actor.userId().equals(deed.claimant().id());
		boolean own = claimant || actor.userId().equals(deed.nominatedBy());
		boolean desk = actor.hasAny(PointsRoles.DESK) && actor.scope().covers(deed.claimant().scopePath());
		boolean ofPlace = schemes.scheme(deed.schemeId())
			.map(s -> actor.scope().path().startsWith(s.scopePath()) || actor.scope().covers(s.scopePath()))
			.orElse(false);
		return new PointsClaimPolicy.Relation(own, claimant, desk, ofPlace);
	}

	/** The claim as the actor may see it: his own, his desk's, or on the notice board of his place. */
	PointsClaim visible(Actor actor, UUID id) {
		PointsClaim claim = claims.findById(id).orElseThrow(() -> DomainException.notFound("claim"));
		PointsClaimPolicy.Relation relation = relation(actor, claim);
		boolean onNotice = claim.state() == PointsClaimState.ON_NOTICE || claim.state() == PointsClaimState.OBJECTED;
		if (!relation.own() && !relation.desk() && !(relation.ofPlace() && onNotice)) {
			throw DomainException.notFound("claim");
		}
		return claim;
	}

	private PointsClaim step(Actor actor, UUID id, PointsClaimAction action, Consumer<PointsClaim> change) {
		PointsClaim claim = visible(actor, id);
		PointsClaimPolicy.require(actor, claim, relation(actor, claim), action);
		change.accept(claim);
		if (!claims.save(claim)) {
			PointsClaim now = claims.findById(id).orElseThrow();
			throw PointsClaimLifecycle.TABLE.allows(now.state(), action)
					? new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "points.changedMeanwhile")
					: PointsClaimLifecycle.TABLE.illegal(now.state(), action);
		}
		return claim;
	}
}
