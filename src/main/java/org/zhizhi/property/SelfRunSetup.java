package org.zhizhi.property;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.property.persistence.JdbcSelfRun;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.TextLength;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.PlaceQueries;

/**
 * Setting up a self-run estate: the desk makes an estate of its scope self-run (a residents' group or a community's
 * centre) covering all its buildings, names each building's guardian (an account of the place), and records the fee
 * the residents decided (from a month on, with the deliberation topic that decided it). The demo's paper records come
 * in through {@link SelfRunHistory}.
 */
@Service
public class SelfRunSetup {

	public record NewSelfRun(@HasText(message = "{validation.required}") @TextLength(min = 2, max = 60,
			message = "{property.fees.length}") String name, @NotNull(message = "{validation.required}") SelfRunKind kind,
			@Min(value = 1, message = "{property.fees.threshold}") @Max(value = 100,
					message = "{property.fees.threshold}") Integer thresholdPercent) {
	}

	public record NewSchedule(@NotNull(message = "{validation.required}") @Min(value = 0,
			message = "{property.fees.amount}") @Max(value = 10_000_000, message = "{property.fees.amount}") Long monthlyCents,
			@NotNull(message = "{validation.required}") YearMonth fromMonth, UUID topicId,
			@TextLength(min = 0, max = 200, message = "{property.fees.length}") String note) {
	}

	private final JdbcSelfRun books;

	private final PlaceQueries places;

	private final AccountQueries accounts;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	SelfRunSetup(JdbcSelfRun books, PlaceQueries places, AccountQueries accounts, CommandShape shape, Clock clock,
			ZoneId zone) {
		this.books = books;
		this.places = places;
		this.accounts = accounts;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	@Transactional
	public SelfRun create(Actor actor, UUID estateId, NewSelfRun command) {
		requireDesk(actor);
		Estate estate = places.estate(actor.scope(), estateId).orElseThrow(() -> DomainException.notFound("estate"));
		shape.check(command);
		if (books.ofEstate(estateId).isPresent()) {
			throw new DomainException(Category.CONFLICT, "SELF_RUN_EXISTS", "property.fees.selfRunExists");
		}
		return create(actor.scope(), estate, command.name().strip(), command.kind(),
				command.thresholdPercent() == null ? 80 : command.thresholdPercent(), clock.instant());
	}

	SelfRun create(DataScope scope, Estate estate, String name, SelfRunKind kind, int threshold, Instant at) {
		SelfRun selfRun = new SelfRun(Ids.newId(clock), estate.id(), estate.name(), estate.communityId(),
				estate.scopePath(), DataScope.districtOf(estate.scopePath()), name, kind, threshold, at);
		books.insert(selfRun);
		for (BuildingOverview b : places.buildingsOfEstate(scope, estate.id())) {
			books.cover(selfRun.id(), new SelfRun.Building(b.building().id(), b.building().name(), null, null));
		}
		return selfRun;
	}

	/** The guardian of a building: an enabled account of the estate's place (or none). */
	@Transactional
	public void guardian(Actor actor, UUID estateId, UUID buildingId, UUID accountId) {
		requireDesk(actor);
		SelfRun selfRun = books.ofEstate(estateId)
			.filter(s -> actor.scope().covers(s.scopePath()))
			.orElseThrow(() -> DomainException.notFound("selfRun"));
		SelfRun.Building building = books.buildings(selfRun.id())
			.stream()
			.filter(b -> b.buildingId().equals(buildingId))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("building"));
		Account guardian = accountId == null ? null : accounts.find(actor.scope(), accountId)
			.filter(Account::enabled)
			.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("guardianId",
					"property.fees.guardianNotFound"))));
		books.cover(selfRun.id(), new SelfRun.Building(building.buildingId(), building.buildingName(),
				guardian == null ? null : guardian.id(), guardian == null ? null : guardian.displayName()));
	}

	/** The fee the residents decided, from a month on (a later decision from a later month replaces it then). */
	@Transactional
	public void schedule(Actor actor, UUID estateId, NewSchedule command) {
		requireDesk(actor);
		SelfRun selfRun = books.ofEstate(estateId)
			.filter(s -> actor.scope().covers(s.scopePath()))
			.orElseThrow(() -> DomainException.notFound("selfRun"));
		shape.check(command);
		if (!books.schedule(Ids.newId(clock), selfRun.id(), new SelfRun.Schedule(command.monthlyCents(),
				command.fromMonth().atDay(1), command.topicId(), LocalDate.now(clock.withZone(zone)),
				command.note() == null || command.note().isBlank() ? null : command.note().strip()))) {
			throw new DomainException(Category.CONFLICT, "SCHEDULE_EXISTS", "property.fees.scheduleExists");
		}
	}

	private static void requireDesk(Actor actor) {
		if (!actor.hasAny(SelfRunRoles.DESK)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}
}
