package org.zhizhi.points;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.points.persistence.JdbcLedger;
import org.zhizhi.points.persistence.JdbcRewards;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/**
 * Sponsors, rewards and redemptions (兑换). A redemption holds the price from the person's account and takes one from
 * the stock in one transaction (the last one goes to exactly one person: the stock's row count decides); the sponsor's
 * liaison confirms it with the code the person shows, and the held points go to the sponsor; or it is cancelled and
 * both go back. Confirmation and cancellation share one ledger key, so of the two only one ever happens.
 */
@Service
public class Redemptions {

	private static final SecureRandom CODES = new SecureRandom();

	public record NewSponsor(
			@HasText(message = PointsCommands.REQUIRED) @TextLength(min = 2, max = 100,
					message = PointsCommands.LENGTH) String name,
			@TextLength(min = 0, max = 200, message = PointsCommands.LENGTH) String address, UUID liaisonId) {
	}

	public record NewReward(@NotNull(message = PointsCommands.REQUIRED) UUID sponsorId,
			@HasText(message = PointsCommands.REQUIRED) @TextLength(min = 2, max = 60,
					message = PointsCommands.LENGTH) String name,
			@TextLength(min = 0, max = 500, message = PointsCommands.LENGTH) String description,
			@NotNull(message = PointsCommands.REQUIRED) @Min(value = 1, message = PointsCommands.RANGE)
			@Max(value = 100000, message = PointsCommands.RANGE) Integer price,
			@NotNull(message = PointsCommands.REQUIRED) @Min(value = 0, message = PointsCommands.RANGE)
			@Max(value = 1000000, message = PointsCommands.RANGE) Integer stock,
			@NotNull(message = PointsCommands.REQUIRED) @PlausibleDate LocalDate validUntil,
			@HasText(message = PointsCommands.REQUIRED) @TextLength(min = 2, max = 200,
					message = PointsCommands.LENGTH) String place) {
	}

	public record Confirm(@HasText(message = PointsCommands.REQUIRED) String code) {
	}

	private final JdbcRewards rewards;

	private final JdbcSchemes schemes;

	private final JdbcLedger ledger;

	private final AccountQueries accounts;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	Redemptions(JdbcRewards rewards, JdbcSchemes schemes, JdbcLedger ledger, AccountQueries accounts,
			CommandShape shape, Clock clock, ZoneId zone) {
		this.rewards = rewards;
		this.schemes = schemes;
		this.ledger = ledger;
		this.accounts = accounts;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	/** A sponsor of a scheme of the desk's scope, its liaison an account of that scope. */
	@Transactional
	public Sponsor addSponsor(Actor actor, UUID schemeId, NewSponsor command) {
		Scheme scheme = deskScheme(actor, schemeId);
		List<FieldProblem> more = new ArrayList<>();
		if (command.liaisonId() != null && accounts.find(actor.scope(), command.liaisonId()).isEmpty()) {
			more.add(new FieldProblem("liaisonId", "points.nomineeNotFound"));
		}
		shape.check(command, more);
		if (rewards.sponsorNamed(scheme.id(), command.name().strip())) {
			throw new DomainException(Category.CONFLICT, "SPONSOR_EXISTS", "points.sponsorExists");
		}
		Sponsor sponsor = new Sponsor(Ids.newId(clock), scheme.id(), command.name().strip(),
				command.address() == null || command.address().isBlank() ? null : command.address().strip(),
				command.liaisonId(), clock.instant());
		rewards.insert(sponsor);
		ledger.account(scheme.id(), AccountKind.SPONSOR, sponsor.id(), sponsor.name(), scheme.scopePath(),
				scheme.districtId(), clock.instant());
		return sponsor;
	}

	/** A reward listed by the desk of the scheme or by the sponsor's own liaison. */
	@Transactional
	public Reward addReward(Actor actor, NewReward command) {
		shape.check(command);
		Sponsor sponsor = rewards.sponsor(command.sponsorId())
			.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("sponsorId", "points.noSuchSponsor"))));
		Scheme scheme = schemes.scheme(sponsor.schemeId()).orElseThrow();
		boolean ownLiaison = actor.userId().equals(sponsor.liaisonId());
		boolean desk = actor.hasAny(PointsRoles.DESK) && actor.scope().covers(scheme.scopePath());
		if (!ownLiaison && !desk) {
			throw DomainException.invalid(List.of(new FieldProblem("sponsorId", "points.noSuchSponsor")));
		}
		if (command.validUntil().isBefore(LocalDate.now(clock.withZone(zone)))) {
			throw DomainException.invalid(List.of(new FieldProblem("validUntil", "points.validUntilPast")));
		}
		Reward reward = new Reward(Ids.newId(clock), scheme.id(), sponsor.id(), sponsor.name(), command.name().strip(),
				command.description() == null || command.description().isBlank() ? null : command.description().strip(),
				command.price(), command.stock(), command.validUntil(), command.place().strip(), clock.instant());
		rewards.insert(reward);
		return reward;
	}

	/** The person redeems a reward: its price held, one taken from the stock, a code to show the sponsor. */
	@Transactional
	public Redemption redeem(Actor actor, UUID rewardId) {
		if (!actor.hasAny(PointsRoles.EARNERS)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		Reward reward = rewards.reward(rewardId).orElseThrow(() -> DomainException.notFound("reward"));
		Scheme scheme = schemes.scheme(reward.schemeId()).orElseThrow();
		PointsAccount person = ledger.find(scheme.id(), AccountKind.PERSON, actor.userId())
			.orElseThrow(() -> new DomainException(Category.CONFLICT, "INSUFFICIENT_POINTS", "points.insufficient"));
		ledger.lock(person.id());
		Instant now = clock.instant();
		if (!rewards.take(reward.id(), LocalDate.ofInstant(now, zone))) {
			throw new DomainException(Category.CONFLICT, "OUT_OF_STOCK", "points.outOfStock");
		}
		PointsAccount held = ledger.account(scheme.id(), AccountKind.HELD, null, scheme.name(), scheme.scopePath(),
				scheme.districtId(), now);
		UUID id = Ids.newId(clock);
		UUID hold = Ids.newId(clock);
		ledger.post(new NewMovement(hold, scheme.id(), MovementKind.HOLD, "redemption:" + id + ":hold", null,
				"兑换：" + reward.name(), null, null, actor.userId(), actor.displayName(), now, scheme.districtId(),
				NewMovement.transfer(person.id(), held.id(), reward.price())));
		Redemption redemption = new Redemption(id, scheme.id(), reward.id(), reward.sponsorId(), actor.userId(),
				actor.displayName(), reward.price(), code(reward.sponsorId()), now, hold, RedemptionState.HELD, null,
				null, null, 0);
		rewards.insert(redemption);
		return redemption;
	}

	/** The sponsor's liaison confirms the redemption whose code the person shows him. */
	@Transactional
	public Redemption confirm(Actor actor, Confirm command) {
		if (!RedemptionLifecycle.TABLE.mayTake(actor.roles(), RedemptionAction.CONFIRM)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		shape.check(command);
		String code = command.code().strip();
		Redemption redemption = rewards.sponsorsOf(actor.userId())
			.stream()
			.map(sponsor -> rewards.heldByCode(sponsor.id(), code))
			.flatMap(java.util.Optional::stream)
			.findFirst()
			.orElseThrow(() -> new DomainException(Category.NOT_FOUND, "UNKNOWN_CODE", "points.unknownCode"));
		return settle(actor, redemption, RedemptionAction.CONFIRM);
	}

	/** The person, the sponsor's liaison or the scheme's desk cancels a held redemption. */
	@Transactional
	public Redemption cancel(Actor actor, UUID id) {
		Redemption redemption = rewards.redemption(id).orElseThrow(() -> DomainException.notFound("redemption"));
		if (!mayCancel(actor, redemption)) {
			throw DomainException.notFound("redemption");
		}
		return settle(actor, redemption, RedemptionAction.CANCEL);
	}

	/** Whether the actor may cancel it: his own, his sponsor's, or his desk's. */
	boolean mayCancel(Actor actor, Redemption redemption) {
		if (actor.userId().equals(redemption.holderId())) {
			return true;
		}
		boolean liaison = rewards.sponsor(redemption.sponsorId())
			.map(s -> actor.userId().equals(s.liaisonId()))
			.orElse(false);
		boolean desk = actor.hasAny(PointsRoles.DESK) && schemes.scheme(redemption.schemeId())
			.map(s -> actor.scope().covers(s.scopePath()))
			.orElse(false);
		return liaison || desk;
	}

	private Redemption settle(Actor actor, Redemption redemption, RedemptionAction action) {
		redemption.check(action);
		Scheme scheme = schemes.scheme(redemption.schemeId()).orElseThrow();
		Instant now = clock.instant();
		PointsAccount held = ledger.find(scheme.id(), AccountKind.HELD, null).orElseThrow();
		PointsAccount to = action == RedemptionAction.CONFIRM
				? ledger.find(scheme.id(), AccountKind.SPONSOR, redemption.sponsorId()).orElseThrow()
				: ledger.find(scheme.id(), AccountKind.PERSON, redemption.holderId()).orElseThrow();
		UUID movement = Ids.newId(clock);
		// one key for either settlement: a confirmation and a cancellation at once make one movement
		boolean written = ledger.post(new NewMovement(movement, scheme.id(),
				action == RedemptionAction.CONFIRM ? MovementKind.CONFIRM : MovementKind.RELEASE,
				"redemption:" + redemption.id() + ":settle", null,
				(action == RedemptionAction.CONFIRM ? "兑换确认：" : "兑换撤销：") + redemption.code(), null, null,
				actor.userId(), actor.displayName(), now, scheme.districtId(),
				NewMovement.transfer(held.id(), to.id(), redemption.price())));
		if (!written) {
			throw new DomainException(Category.CONFLICT, "ALREADY_SETTLED", "points.alreadySettled");
		}
		if (action == RedemptionAction.CONFIRM) {
			redemption.confirm(actor.userId(), now, movement);
		}
		else {
			redemption.cancel(actor.userId(), now, movement);
			rewards.giveBack(redemption.rewardId());
		}
		if (!rewards.save(redemption)) {
			throw new DomainException(Category.CONFLICT, "ALREADY_SETTLED", "points.alreadySettled");
		}
		return redemption;
	}

	/** Six digits, none held by another redemption of the sponsor. */
	private String code(UUID sponsorId) {
		while (true) {
			String code = String.format("%06d", CODES.nextInt(1_000_000));
			if (!rewards.codeHeld(sponsorId, code)) {
				return code;
			}
		}
	}

	private Scheme deskScheme(Actor actor, UUID schemeId) {
		if (!actor.hasAny(PointsRoles.DESK)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		return schemes.scheme(schemeId)
			.filter(s -> actor.scope().covers(s.scopePath()))
			.orElseThrow(() -> DomainException.notFound("scheme"));
	}
}
