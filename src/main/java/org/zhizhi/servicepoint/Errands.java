package org.zhizhi.servicepoint;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.media.Photos;
import org.zhizhi.people.Home;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.PeopleViews.ResidentSummary;
import org.zhizhi.servicepoint.ErrandCommands.AssignErrand;
import org.zhizhi.servicepoint.ErrandCommands.CancelErrand;
import org.zhizhi.servicepoint.ErrandCommands.CompleteErrand;
import org.zhizhi.servicepoint.ErrandCommands.HandBackErrand;
import org.zhizhi.servicepoint.ErrandCommands.RequestErrand;
import org.zhizhi.servicepoint.ErrandViews.ErrandDetail;
import org.zhizhi.servicepoint.ErrandViews.ErrandView;
import org.zhizhi.servicepoint.ErrandViews.Queue;
import org.zhizhi.servicepoint.ErrandViews.Runner;
import org.zhizhi.servicepoint.persistence.JdbcErrands;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.DwellingRef;
import org.zhizhi.territory.Installation;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceQueries;

/**
 * 便民代办 (seed 001: 下新新's 10 volunteer runners, 30 and more errands; the 微孝热线 where volunteers and grid workers
 * take turns): an errand is asked by the elder on his phone, or for him by whoever took the call; the desk of its
 * scope gives it to a runner; the runner does it and says how, with a photo and the money he was given and spent; the
 * elder's household (or, when someone asked for him, that person after calling him) confirms it. Each step: load,
 * {@link ErrandPolicy}, the record's shape, the aggregate's method, the versioned save, the history row.
 */
@Service
public class Errands {

	public static final int PAGE = 30;

	private final JdbcErrands errands;

	private final PeopleQueries people;

	private final PlaceQueries places;

	private final OrgUnitQueries orgUnits;

	private final Installation installation;

	private final AccountQueries accounts;

	private final Photos photos;

	private final CommandShape shape;

	private final Clock clock;

	Errands(JdbcErrands errands, PeopleQueries people, PlaceQueries places, OrgUnitQueries orgUnits,
			Installation installation, AccountQueries accounts, Photos photos, CommandShape shape, Clock clock) {
		this.errands = errands;
		this.people = people;
		this.places = places;
		this.orgUnits = orgUnits;
		this.installation = installation;
		this.accounts = accounts;
		this.photos = photos;
		this.shape = shape;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ErrandKind> kinds() {
		return errands.kinds();
	}

	/** An errand asked by a resident for himself, or by the desk, a grid worker, the hotline for a resident. */
	@Transactional
	public ErrandView request(Actor actor, RequestErrand command) {
		List<FieldProblem> more = new ArrayList<>();
		if (command.kind() != null && errands.kinds().stream().noneMatch(k -> k.code().equals(command.kind()))) {
			more.add(new FieldProblem("kind", "servicepoint.unknownErrandKind"));
		}
		Instant now = clock.instant();
		Errand.Terms terms;
		if (command.residentId() == null) {
			Home home = people.homeOf(actor.userId())
				.orElseThrow(() -> DomainException.invalid(List.of(new FieldProblem("residentId", "validation.required"))));
			DwellingRef dwelling = places.dwelling(installation.whole(), home.dwellingId()).orElseThrow();
			OrgUnit grid = orgUnits.find(installation.whole(), dwelling.gridId()).orElseThrow();
			shape.check(command, more);
			terms = new Errand.Terms(command.kind(), ErrandChannel.SELF, command.details().strip(), home.residentId(),
					actor.displayName(), home.householdId(), home.dwellingLabel(), grid.id(), grid.name(), grid.path(),
					DataScope.districtOf(grid.path()), actor.userId(), actor.displayName(), now);
		}
		else {
			if (!actor.hasAny(ServicePointRoles.ON_BEHALF)) {
				throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
			}
			ResidentSummary resident = null;
			try {
				resident = people.resident(actor, command.residentId());
			}
			catch (DomainException e) {
				more.add(new FieldProblem("residentId", "servicepoint.residentNotFound"));
			}
			if (command.channel() == null || command.channel() == ErrandChannel.SELF) {
				more.add(new FieldProblem("channel", "servicepoint.channelOnBehalf"));
			}
			OrgUnit grid = resident == null || resident.gridId() == null ? null
					: orgUnits.find(installation.whole(), resident.gridId()).orElse(null);
			if (resident != null && grid == null) {
				more.add(new FieldProblem("residentId", "servicepoint.residentNotFound"));
			}
			shape.check(command, more);
			terms = new Errand.Terms(command.kind(), command.channel(), command.details().strip(), resident.id(),
					resident.name(), resident.householdId(), resident.dwellingLabel(), grid.id(), grid.name(),
					grid.path(), DataScope.districtOf(grid.path()), actor.userId(), actor.displayName(), now);
		}
		Errand errand = Errand.request(Ids.newId(clock), terms);
		errands.insert(errand);
		errands.insert(new ErrandStep(Ids.newId(clock), errand.id(), null, errand.state(), now, actor.userId(),
				actor.displayName(), null));
		return view(actor, errand);
	}

	/** Whether the actor may ask for himself: he lives somewhere the platform knows (his household's dwelling). */
	@Transactional(readOnly = true)
	public boolean mayAskForHimself(Actor actor) {
		return people.homeOf(actor.userId()).isPresent();
	}

	/** The desk (or a grid worker) of its scope gives it to a runner of its scope. */
	@Transactional
	public ErrandView assign(Actor actor, UUID id, AssignErrand command) {
		Errand errand = load(actor, id, ErrandAction.ASSIGN);
		Account runner = command.runnerId() == null ? null : accounts.find(actor.scope(), command.runnerId())
			.filter(a -> a.enabled() && a.roles().stream().anyMatch(ServicePointRoles.RUNNERS::contains))
			.orElse(null);
		List<FieldProblem> more = new ArrayList<>();
		if (command.runnerId() != null && runner == null) {
			more.add(new FieldProblem("runnerId", "servicepoint.runnerNotFound"));
		}
		shape.check(command, more);
		Instant now = clock.instant();
		errand.assign(runner.id(), runner.displayName(), now);
		return record(actor, errand, ErrandAction.ASSIGN, runner.displayName(), now);
	}

	@Transactional
	public ErrandView handBack(Actor actor, UUID id, HandBackErrand command) {
		Errand errand = load(actor, id, ErrandAction.HAND_BACK);
		shape.check(command);
		errand.handBack();
		return record(actor, errand, ErrandAction.HAND_BACK, command.reason().strip(), clock.instant());
	}

	/** The runner says it is done: how, with a photo if he took one, and the money if any went through his hands. */
	@Transactional
	public ErrandView complete(Actor actor, UUID id, CompleteErrand command, byte[] photo) {
		Errand errand = load(actor, id, ErrandAction.COMPLETE);
		List<FieldProblem> more = new ArrayList<>();
		BigDecimal received = command.moneyReceived();
		BigDecimal spent = command.moneySpent();
		if (received == null && spent != null) {
			more.add(new FieldProblem("moneyReceived", "servicepoint.moneyBoth"));
		}
		if (received != null && spent != null && spent.compareTo(received) > 0) {
			more.add(new FieldProblem("moneySpent", "servicepoint.spentOverReceived"));
		}
		shape.check(command, more);
		UUID photoId = photo == null || photo.length == 0 ? null : photos.store(photo).id();
		Instant now = clock.instant();
		errand.complete(new Errand.Proof(command.note().strip(), photoId, received,
				received != null && spent == null ? BigDecimal.ZERO : spent), now);
		return record(actor, errand, ErrandAction.COMPLETE, command.note().strip(), now);
	}

	@Transactional
	public ErrandView confirm(Actor actor, UUID id) {
		Errand errand = load(actor, id, ErrandAction.CONFIRM);
		Instant now = clock.instant();
		errand.confirm(actor.displayName(), now);
		return record(actor, errand, ErrandAction.CONFIRM, null, now);
	}

	@Transactional
	public ErrandView cancel(Actor actor, UUID id, CancelErrand command) {
		Errand errand = load(actor, id, ErrandAction.CANCEL);
		shape.check(command);
		errand.cancel(command.reason().strip());
		return record(actor, errand, ErrandAction.CANCEL, command.reason().strip(), clock.instant());
	}

	/** The desk's queue of its scope (grid workers' too): open errands oldest first, then the rest latest first. */
	@Transactional(readOnly = true)
	public Queue queue(Actor actor, ErrandState state, int page) {
		if (!actor.hasAny(ErrandLifecycle.ASSIGNERS)) {
			return new Queue(List.of(), java.util.Map.of(), 0, false);
		}
		int p = Math.max(0, page);
		List<Errand> some = errands.ofScope(actor.scope(), state, PAGE + 1, p * PAGE);
		UUID mine = householdOf(actor);
		return new Queue(some.stream().limit(PAGE).map(e -> view(actor, e, mine)).toList(), errands.counts(actor.scope()), p,
				some.size() > PAGE);
	}

	/** What the person asked, runs, or his household is having done; open ones first. */
	@Transactional(readOnly = true)
	public List<ErrandView> mine(Actor actor) {
		UUID household = people.homeOf(actor.userId()).map(Home::householdId).orElse(null);
		return errands.ofPerson(actor.userId(), household, 100).stream().map(e -> view(actor, e, household)).toList();
	}

	@Transactional(readOnly = true)
	public ErrandDetail detail(Actor actor, UUID id) {
		Errand errand = visible(actor, id);
		return new ErrandDetail(view(actor, errand), errands.steps(id));
	}

	@Transactional(readOnly = true)
	public Optional<byte[]> photo(Actor actor, UUID id) {
		Errand errand = visible(actor, id);
		return errand.proof() == null || errand.proof().photoId() == null ? Optional.empty()
				: photos.photo(errand.proof().photoId());
	}

	/** Every errand of the desk's scope, for the export. */
	@Transactional(readOnly = true)
	public void eachOfScope(Actor actor, Consumer<ErrandView> sink) {
		if (!actor.hasAny(ErrandLifecycle.ASSIGNERS)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		UUID mine = householdOf(actor);
		errands.eachOfScope(actor.scope(), e -> sink.accept(view(actor, e, mine)));
	}

	/** Who the desk may give errands to: enabled accounts of its scope that may run them, by name. */
	@Transactional(readOnly = true)
	public List<Runner> runners(Actor actor) {
		if (!actor.hasAny(ErrandLifecycle.ASSIGNERS)) {
			return List.of();
		}
		List<Runner> found = new ArrayList<>();
		for (int page = 0; page < 4; page++) {
			List<Account> some = accounts.list(actor.scope(), null, page);
			some.stream()
				.filter(a -> a.enabled() && a.roles().stream().anyMatch(ServicePointRoles.RUNNERS::contains))
				.forEach(a -> found.add(new Runner(a.id(), a.displayName())));
			if (some.size() < AccountQueries.PAGE_SIZE) {
				break;
			}
		}
		return found;
	}

	private Errand load(Actor actor, UUID id, ErrandAction action) {
		Errand errand = errands.find(id).orElseThrow(() -> DomainException.notFound("errand"));
		ErrandPolicy.require(actor, errand, relation(actor, errand), action);
		return errand;
	}

	private Errand visible(Actor actor, UUID id) {
		Errand errand = errands.find(id).orElseThrow(() -> DomainException.notFound("errand"));
		if (!relation(actor, errand).sees()) {
			throw DomainException.notFound("errand");
		}
		return errand;
	}

	private ErrandView record(Actor actor, Errand errand, ErrandAction action, String note, Instant at) {
		if (!errands.save(errand)) {
			Errand now = errands.find(errand.id()).orElseThrow();
			throw ErrandLifecycle.TABLE.illegal(now.state(), action);
		}
		errands.insert(new ErrandStep(Ids.newId(clock), errand.id(), action, errand.state(), at, actor.userId(),
				actor.displayName(), note));
		return view(actor, errand);
	}

	ErrandPolicy.Relation relation(Actor actor, Errand errand) {
		return relation(actor, errand, householdOf(actor));
	}

	/** The household the actor lives in (null: none), read once for a list rather than once per errand. */
	private UUID householdOf(Actor actor) {
		return people.homeOf(actor.userId()).map(Home::householdId).orElse(null);
	}

	private ErrandPolicy.Relation relation(Actor actor, Errand errand, UUID actorsHousehold) {
		Errand.Terms t = errand.terms();
		boolean household = t.householdId() != null && t.householdId().equals(actorsHousehold);
		return new ErrandPolicy.Relation(actor.userId().equals(t.requestedBy()), actor.userId().equals(errand.runnerId()),
				household, actor.hasAny(ErrandLifecycle.ASSIGNERS) && actor.scope().covers(t.scopePath()));
	}

	private ErrandView view(Actor actor, Errand e) {
		return view(actor, e, householdOf(actor));
	}

	private ErrandView view(Actor actor, Errand e, UUID actorsHousehold) {
		Errand.Terms t = e.terms();
		Errand.Proof p = e.proof();
		return new ErrandView(e.id(), t.kind(), t.channel(), t.details(), t.residentId(), t.residentName(),
				t.dwellingLabel(), t.orgUnitName(), t.requestedBy(), t.requestedByName(), t.requestedAt(), e.state(),
				e.runnerId(), e.runnerName(), e.assignedAt(), e.doneAt(), p == null ? null : p.note(),
				p != null && p.photoId() != null, p == null ? null : p.moneyReceived(), p == null ? null : p.moneySpent(),
				p == null ? null : p.change(), e.confirmedAt(), e.confirmedByName(), e.cancelReason(),
				ErrandPolicy.allowedActions(actor, e, relation(actor, e, actorsHousehold)));
	}
}
