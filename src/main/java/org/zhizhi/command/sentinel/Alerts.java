package org.zhizhi.command.sentinel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.command.AlertAction;
import org.zhizhi.command.AlertView;
import org.zhizhi.command.CommandRoles;
import org.zhizhi.command.sentinel.AlertCommands.AssignAlert;
import org.zhizhi.command.sentinel.AlertCommands.CloseAlert;
import org.zhizhi.command.sentinel.AlertCommands.DismissAlert;
import org.zhizhi.command.sentinel.AlertCommands.HandleAlert;
import org.zhizhi.command.sentinel.AlertViews.AlertDetail;
import org.zhizhi.command.sentinel.AlertViews.AlertPage;
import org.zhizhi.command.sentinel.AlertViews.Person;
import org.zhizhi.command.sentinel.persistence.JdbcAlerts;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;

/**
 * The alerts' desk: a scope's list, one alert with the adviser's proposal, and each step — load in scope,
 * {@link AlertPolicy}, the record's shape, the aggregate's method, the versioned save (0 rows: someone was first, refused
 * naming the state it is in now), the step's history row; the events go out after the save.
 */
@Service
public class Alerts {

	public static final int PAGE = 30;

	private final JdbcAlerts alerts;

	private final Advisor advisor;

	private final AccountQueries accounts;

	private final CommandShape shape;

	private final Clock clock;

	Alerts(JdbcAlerts alerts, Advisor advisor, AccountQueries accounts, CommandShape shape, Clock clock) {
		this.alerts = alerts;
		this.advisor = advisor;
		this.accounts = accounts;
		this.shape = shape;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public AlertPage list(Actor actor, JdbcAlerts.Filter filter, int page) {
		if (!CommandRoles.readsAlerts(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		int p = Math.max(0, page);
		List<Alert> some = alerts.ofScope(actor.scope(), filter, PAGE + 1, p * PAGE);
		return new AlertPage(some.stream().limit(PAGE).map(a -> view(actor, a)).toList(), alerts.counts(actor.scope()),
				p, some.size() > PAGE);
	}

	@Transactional(readOnly = true)
	public AlertDetail detail(Actor actor, UUID id) {
		Alert alert = visible(actor, id);
		return new AlertDetail(view(actor, alert), alerts.steps(id), advisor.advise(alert),
				AlertPolicy.allowedActions(actor, alert).contains(AlertAction.ASSIGN) ? assignable(actor, alert)
						: List.of());
	}

	@Transactional
	public AlertView acknowledge(Actor actor, UUID id) {
		Alert alert = load(actor, id, AlertAction.ACKNOWLEDGE);
		Instant now = clock.instant();
		alert.acknowledge(actor.userId(), actor.displayName(), now);
		return record(actor, alert, AlertAction.ACKNOWLEDGE, null, now);
	}

	/** The desk gives the alert to a person of its scope who works at an alerts desk covering the alert's subject. */
	@Transactional
	public AlertView assign(Actor actor, UUID id, AssignAlert command) {
		Alert alert = load(actor, id, AlertAction.ASSIGN);
		Person owner = command.ownerId() == null ? null
				: assignable(actor, alert).stream().filter(p -> p.id().equals(command.ownerId())).findFirst()
					.orElse(null);
		List<FieldProblem> more = new ArrayList<>();
		if (command.ownerId() != null && owner == null) {
			more.add(new FieldProblem("ownerId", "command.ownerNotFound"));
		}
		shape.check(command, more);
		Instant now = clock.instant();
		alert.assign(owner.id(), owner.name(), now);
		return record(actor, alert, AlertAction.ASSIGN, owner.name(), now);
	}

	@Transactional
	public AlertView handle(Actor actor, UUID id, HandleAlert command) {
		Alert alert = load(actor, id, AlertAction.HANDLE);
		shape.check(command);
		Instant now = clock.instant();
		alert.handle(actor.userId(), command.note().strip(), now);
		return record(actor, alert, AlertAction.HANDLE, command.note().strip(), now);
	}

	@Transactional
	public AlertView close(Actor actor, UUID id, CloseAlert command) {
		Alert alert = load(actor, id, AlertAction.CLOSE);
		shape.check(command);
		Instant now = clock.instant();
		alert.close(now);
		String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
		return record(actor, alert, AlertAction.CLOSE, note, now);
	}

	@Transactional
	public AlertView dismiss(Actor actor, UUID id, DismissAlert command) {
		Alert alert = load(actor, id, AlertAction.DISMISS);
		shape.check(command);
		Instant now = clock.instant();
		alert.dismiss(now);
		return record(actor, alert, AlertAction.DISMISS, command.reason().strip(), now);
	}

	/** Who the alert may be given to: enabled accounts at an alerts desk whose scope covers it, inside the reader's. */
	List<Person> assignable(Actor actor, Alert alert) {
		return accounts.covering(alert.raised().fact().scopePath(), CommandRoles.ALERT_DESK)
			.stream()
			.filter(a -> a.enabled() && actor.scope().covers(a.scopePath()))
			.map((Account a) -> new Person(a.id(), a.displayName()))
			.toList();
	}

	private Alert load(Actor actor, UUID id, AlertAction action) {
		Alert alert = alerts.find(id).orElseThrow(() -> DomainException.notFound("alert"));
		AlertPolicy.require(actor, alert, action);
		return alert;
	}

	private Alert visible(Actor actor, UUID id) {
		Alert alert = alerts.find(id).orElseThrow(() -> DomainException.notFound("alert"));
		if (!AlertPolicy.sees(actor, alert)) {
			throw DomainException.notFound("alert");
		}
		return alert;
	}

	private AlertView record(Actor actor, Alert alert, AlertAction action, String note, Instant at) {
		if (!alerts.save(alert)) {
			Alert now = alerts.find(alert.id()).orElseThrow();
			throw AlertLifecycle.TABLE.illegal(now.state(), action);
		}
		alerts.insert(new AlertStep(Ids.newId(clock), alert.id(), action, alert.state(), at, actor.userId(),
				actor.displayName(), note));
		return view(actor, alert);
	}

	private static AlertView view(Actor actor, Alert alert) {
		return AlertViews.of(alert, AlertPolicy.allowedActions(actor, alert));
	}
}
