package org.zhizhi.points;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.people.PersonalData;
import org.zhizhi.points.persistence.JdbcHonours;
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
 * The virtue bank's 道德红黑榜: the desk of the scheme's scope puts a person of its scope on the red board with the
 * reason, or on the black board only with the decision behind it and an expiry no later than a year on. Entries are
 * written once; a black entry leaves the board by itself when it expires. The public board shows masked names.
 */
@Service
public class HonourBoards {

	/** A black-list entry stands at most this long. */
	static final int MAX_BLACK_DAYS = 366;

	public record NewHonour(@NotNull(message = PointsCommands.REQUIRED) HonourBoard board,
			@NotNull(message = PointsCommands.REQUIRED) UUID personId,
			@HasText(message = PointsCommands.REQUIRED) @TextLength(min = 2, max = 200,
					message = PointsCommands.LENGTH) String reason,
			@TextLength(min = 0, max = 500, message = PointsCommands.LENGTH) String decision,
			@PlausibleDate LocalDate expiresOn) {
	}

	private final JdbcHonours honours;

	private final JdbcSchemes schemes;

	private final AccountQueries accounts;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	HonourBoards(JdbcHonours honours, JdbcSchemes schemes, AccountQueries accounts, CommandShape shape, Clock clock,
			ZoneId zone) {
		this.honours = honours;
		this.schemes = schemes;
		this.accounts = accounts;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	@Transactional
	public Honour add(Actor actor, UUID schemeId, NewHonour command) {
		if (!actor.hasAny(PointsRoles.DESK)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		Scheme scheme = schemes.scheme(schemeId)
			.filter(s -> actor.scope().covers(s.scopePath()) && s.kind() == SchemeKind.VIRTUE)
			.orElseThrow(() -> DomainException.notFound("scheme"));
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<FieldProblem> more = new ArrayList<>();
		Account person = command.personId() == null ? null : accounts.find(actor.scope(), command.personId()).orElse(null);
		if (command.personId() != null && person == null) {
			more.add(new FieldProblem("personId", "points.nomineeNotFound"));
		}
		if (command.board() == HonourBoard.BLACK) {
			if (command.decision() == null || command.decision().isBlank()) {
				more.add(new FieldProblem("decision", "points.blackNeedsDecision"));
			}
			if (command.expiresOn() == null || !command.expiresOn().isAfter(today)
					|| command.expiresOn().isAfter(today.plusDays(MAX_BLACK_DAYS))) {
				more.add(new FieldProblem("expiresOn", "points.blackExpiry"));
			}
		}
		shape.check(command, more);
		Honour honour = new Honour(Ids.newId(clock), scheme.id(), command.board(), person.id(), person.displayName(),
				command.reason().strip(),
				command.decision() == null || command.decision().isBlank() ? null : command.decision().strip(),
				command.board() == HonourBoard.BLACK ? command.expiresOn() : null, actor.userId(), actor.displayName(),
				clock.instant());
		honours.insert(honour);
		return honour;
	}

	/** The entries standing today, newest first; {@code masked} for the public board (no decision, masked name). */
	public List<Honour> standing(UUID schemeId, boolean masked) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		return honours.standing(schemeId, today)
			.stream()
			.map(h -> masked ? new Honour(h.id(), h.schemeId(), h.board(), null, PersonalData.maskName(h.personName()),
					h.reason(), null, h.expiresOn(), null, null, h.decidedAt()) : h)
			.filter(h -> h.standsOn(today))
			.toList();
	}
}
