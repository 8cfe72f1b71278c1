package org.zhizhi.wish;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.incident.photo.Photos;
import org.zhizhi.incident.photo.StoredPhoto;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.PeopleRoles;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.wish.persistence.JdbcWishes;

/**
 * The commands of 群众点单、社区派单、党员接单. Each step reads the wish in the caller's scope, asks {@link WishLifecycle}
 * where it leads, and moves the row with one conditional UPDATE whose row count decides a race, plus a timeline entry
 * and the notices of whoever acts next — all in one transaction.
 */
@Service
public class WishManagement {

	/** A micro-wish is small and near: further than a year ahead it is a project for the three lists. */
	static final int MAX_DAYS_AHEAD = 366;

	static final int MAX_TAKERS = 50;

	private final JdbcWishes wishes;

	private final OrgUnitQueries orgUnits;

	private final AccountQueries accounts;

	private final PeopleQueries people;

	private final Photos photos;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	/** Wishes are dated by the calendar of the communities that post them. */
	private final ZoneId zone;

	private final PartyQueries party;

	private final WishReach reach;

	private final WishUnits units;

	WishManagement(JdbcWishes wishes, OrgUnitQueries orgUnits, AccountQueries accounts, PeopleQueries people,
			PartyQueries party, WishReach reach, WishUnits units, Photos photos, Notifications notifications,
			ApplicationEventPublisher events, MessageSource messages, Clock clock, ZoneId zone) {
		this.units = units;
		this.party = party;
		this.reach = reach;
		this.wishes = wishes;
		this.orgUnits = orgUnits;
		this.accounts = accounts;
		this.people = people;
		this.photos = photos;
		this.notifications = notifications;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	/** 群众点单: a resident posts a wish (or a grid worker or the community for him), with an optional photo. */
	@Transactional
	public Wish post(Actor actor, PostWish command, byte[] photo) {
		if (!WishRoles.mayPost(actor)) {
			throw forbidden();
		}
		Instant now = clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		String title = text(command.title(), "title", 2, 60, true, problems);
		String description = text(command.description(), "description", 2, 1000, true, problems);
		String label = text(command.publicLabel(), "publicLabel", 0, 40, false, problems);
		String beneficiary = text(command.beneficiaryName(), "beneficiaryName", 1, 50, true, problems);
		String address = text(command.beneficiaryAddress(), "beneficiaryAddress", 0, 200, false, problems);
		if (command.category() == null) {
			problems.add(new FieldProblem("category", "validation.required"));
		}
		checkDue(command.dueOn(), now, problems);
		int maxTakers = checkMaxTakers(command.maxTakers(), problems);
		UUID placeId = command.orgUnitId() != null ? command.orgUnitId() : actor.scope().orgUnitId();
		OrgUnit place = orgUnits.find(actor.scope(), placeId)
			.filter(node -> node.level() == OrgLevel.COMMUNITY || node.level() == OrgLevel.GRID
					|| node.level() == OrgLevel.MICRO_GRID)
			.orElse(null);
		if (place == null) {
			problems.add(new FieldProblem("orgUnitId", "wish.placeNotACommunity"));
		}
		if (command.beneficiaryResidentId() != null) {
			// only those who read the registry link a person from it; the link never leaves the community's desk
			if (!PeopleRoles.mayRead(actor)) {
				problems.add(new FieldProblem("beneficiaryResidentId", "wish.residentNotLinkable"));
			}
			else {
				try {
					people.resident(actor, command.beneficiaryResidentId());
				}
				catch (DomainException e) {
					problems.add(new FieldProblem("beneficiaryResidentId", "wish.residentNotFound"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		OrgUnit community = communityOf(place);
		UUID photoId = photo == null || photo.length == 0 ? null : photos.store(photo).id();
		Wish wish = new Wish(Ids.newId(clock), place.districtId(), place.id(), place.path(), community.id(),
				community.code(), community.name(), WishState.POSTED, title, description, label, command.category(),
				beneficiary, command.beneficiaryResidentId(), address, command.dueOn(), photoId, maxTakers, 0,
				actor.userId(), actor.displayName(), !actor.has(Role.RESIDENT), now, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, now);
		wishes.insert(wish);
		record(wish, actor, WishAction.POST, null, WishState.POSTED, null, now);
		notifications.notify(staffOf(wish), notice("WISH_POSTED", "notice.wish.posted", wish, "/wishes/" + wish.id()));
		return wish;
	}

	/** The community edits a wish before it goes out (wording, the public label, date, number of takers). */
	@Transactional
	public Wish edit(Actor actor, UUID id, EditWish command) {
		Wish wish = forVetting(actor, id);
		WishLifecycle.edit(wish.state());
		Instant now = clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Object> columns = new LinkedHashMap<>();
		if (command.title() != null) {
			columns.put("title", text(command.title(), "title", 2, 60, true, problems));
		}
		if (command.description() != null) {
			columns.put("description", text(command.description(), "description", 2, 1000, true, problems));
		}
		if (command.publicLabel() != null) {
			columns.put("public_label", text(command.publicLabel(), "publicLabel", 0, 40, false, problems));
		}
		if (command.category() != null) {
			columns.put("category", command.category());
		}
		if (command.dueOn() != null) {
			checkDue(command.dueOn(), now, problems);
			columns.put("due_on", command.dueOn());
		}
		if (command.maxTakers() != null) {
			columns.put("max_takers", checkMaxTakers(command.maxTakers(), problems));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		move(wish, WishAction.EDIT, wish.state(), columns, now);
		record(wish, actor, WishAction.EDIT, wish.state(), wish.state(), String.join(",", columns.keySet()), now);
		return reread(wish);
	}

	@Transactional
	public Wish approve(Actor actor, UUID id) {
		Wish wish = forVetting(actor, id);
		WishState to = WishLifecycle.approve(wish.state());
		Instant now = clock.instant();
		move(wish, WishAction.APPROVE, to, Map.of("vetted_by", actor.userId(), "vetted_at", now), now);
		record(wish, actor, WishAction.APPROVE, wish.state(), to, null, now);
		return reread(wish);
	}

	@Transactional
	public Wish refuse(Actor actor, UUID id, String reason) {
		Wish wish = forVetting(actor, id);
		WishState to = WishLifecycle.refuse(wish.state(), reason);
		List<FieldProblem> problems = new ArrayList<>();
		String text = text(reason, "reason", 1, 500, true, problems);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Instant now = clock.instant();
		move(wish, WishAction.REFUSE, to, Map.of("vetted_by", actor.userId(), "vetted_at", now, "refusal_reason", text), now);
		record(wish, actor, WishAction.REFUSE, wish.state(), to, text, now);
		notifications.notify(List.of(wish.postedBy()),
				notice("WISH_REFUSED", "notice.wish.refused", wish, "/m/my-wishes/" + wish.id(), text));
		return reread(wish);
	}

	/** Onto the wish wall of its community, where members browse and take it. */
	@Transactional
	public Wish publish(Actor actor, UUID id) {
		Wish wish = forVetting(actor, id);
		WishState to = WishLifecycle.publish(wish.state());
		Instant now = clock.instant();
		if (wish.state() == WishState.RAISED && wish.dueOn().isBefore(today(now))) {
			throw DomainException.invalid(List.of(new FieldProblem("dueOn", "wish.dueInPastRepublish")));
		}
		move(wish, WishAction.PUBLISH, to, Map.of("published_at", now), now);
		record(wish, actor, WishAction.PUBLISH, wish.state(), to, null, now);
		return reread(wish);
	}

	/** 社区派单: to a named member or liaison, or to a volunteer team or unit by name. */
	@Transactional
	public Wish dispatch(Actor actor, UUID id, DispatchWish command) {
		Wish wish = forVetting(actor, id);
		WishState to = WishLifecycle.dispatch(wish.state());
		Instant now = clock.instant();
		if (wish.state() == WishState.RAISED && wish.dueOn().isBefore(today(now))) {
			throw DomainException.invalid(List.of(new FieldProblem("dueOn", "wish.dueInPastRepublish")));
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (command.kind() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("kind", "validation.required")));
		}
		UUID account = null;
		String name;
		if (command.kind() == DispatchKind.MEMBER) {
			// a member or liaison of the community, or an in-service member registered with it (双报到)
			var taker = command.accountId() == null ? null
					: accounts.find(new DataScope(wish.communityId(), communityPath(wish.scopePath())),
							command.accountId())
						.filter(a -> a.enabled() && a.roles().stream().anyMatch(WishRoles.TAKERS::contains))
						.map(a -> new DispatchCandidate(a.id(), a.displayName(), false))
						.or(() -> party.dualRegistrationsIn(wish.communityId())
							.stream()
							.filter(r -> r.accountId().equals(command.accountId()))
							.findFirst()
							.map(r -> new DispatchCandidate(r.accountId(), r.name(), true)))
						.orElse(null);
			if (taker == null) {
				throw DomainException.invalid(List.of(new FieldProblem("accountId", "wish.dispatchAccountUnknown")));
			}
			account = taker.accountId();
			name = taker.name();
		}
		else {
			name = text(command.name(), "name", 1, 100, true, problems);
			if (!problems.isEmpty()) {
				throw DomainException.invalid(problems);
			}
		}
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("dispatch_kind", command.kind());
		columns.put("dispatch_account_id", account);
		columns.put("dispatch_name", name);
		move(wish, WishAction.DISPATCH, to, columns, now);
		record(wish, actor, WishAction.DISPATCH, wish.state(), to, command.kind() + ":" + name, now);
		if (account != null) {
			notifications.notify(List.of(account),
					notice("WISH_DISPATCHED", "notice.wish.dispatched", wish, "/m/wishes/" + wish.id()));
		}
		return reread(wish);
	}

	/**
	 * 党员接单: a member or liaison takes a wish from the wall (or the one dispatched to him); the community records the
	 * take of a team or unit it dispatched to by name. Of many takers at once, at most the wish's number win; taking
	 * twice is refused, and whoever comes too late gets a conflict naming the state.
	 */
	@Transactional
	public Wish take(Actor actor, UUID id) {
		// the community in its scope records a take; a taker reaches his own scope and his dual registration's community
		Wish wish = wishes.findUnscoped(id)
			.filter(found -> actor.scope().covers(found.scopePath())
					|| (WishRoles.mayTake(actor) && WishReach.covers(reach.takerScopes(actor), found.scopePath())))
			.orElseThrow(() -> DomainException.notFound("wish"));
		Taker taker;
		Instant now = clock.instant();
		boolean onBehalf = wish.state() == WishState.DISPATCHED && wish.dispatchAccountId() == null;
		if (onBehalf) {
			if (!WishRoles.mayVet(actor)) {
				throw new DomainException(Category.FORBIDDEN, "NOT_DISPATCHED_TO_YOU", "wish.notDispatchedToYou");
			}
			TakerKind kind = wish.dispatchKind() == DispatchKind.UNIT ? TakerKind.UNIT : TakerKind.TEAM;
			taker = Taker.recordedByName(kind, wish.dispatchName(), actor.userId(), now);
		}
		else {
			if (!WishRoles.mayTake(actor)) {
				throw forbidden();
			}
			// a taker sees only what is on the wall or was dispatched to him: a wish still being vetted does not exist for him
			if (wish.publishedAt() == null && !actor.userId().equals(wish.dispatchAccountId())) {
				throw DomainException.notFound("wish");
			}
			if (wish.state() == WishState.DISPATCHED && !actor.userId().equals(wish.dispatchAccountId())) {
				throw new DomainException(Category.FORBIDDEN, "NOT_DISPATCHED_TO_YOU", "wish.notDispatchedToYou");
			}
			// a liaison takes for the unit he serves, so the wall thanks it and the points go to it; unbound, as himself.
			// The unit takes a wish once: a second liaison of it meets the taker row's key (wish, unit) below
			Instant at = now;
			taker = units.unitOf(actor)
				.map(unit -> new Taker(unit.id(), unit.name(), TakerKind.UNIT, actor.userId(), at))
				.orElseGet(() -> new Taker(actor.userId(), actor.displayName(),
						actor.has(Role.PARTY_MEMBER) ? TakerKind.MEMBER : TakerKind.UNIT, actor.userId(), at));
		}
		WishState to = WishLifecycle.take(wish.state(), wish.takerCount(), wish.maxTakers());
		if (wish.dueOn().isBefore(today(now))) {
			throw pastDue(wish);
		}
		if (!wishes.addTaker(wish.id(), taker)) {
			throw new DomainException(Category.CONFLICT, "ALREADY_TAKEN", "wish.alreadyTaken");
		}
		if (!wishes.addTakerCount(wish.id(), today(now), now)) {
			// lost the race: the wish filled up, moved on or was given an earlier date since it was read; the exception
			// rolls the taker row back
			Wish current = wishes.findUnscoped(wish.id()).orElseThrow();
			if (current.state().takeable() && current.dueOn().isBefore(today(now))) {
				throw pastDue(current);
			}
			if (current.takerCount() >= current.maxTakers() && current.state() == WishState.TAKEN) {
				throw new DomainException(Category.CONFLICT, "WISH_FULL", "wish.full", current.maxTakers());
			}
			throw new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "wish.illegalTransition",
					WishAction.TAKE.name(), current.state().name());
		}
		record(wish, actor, WishAction.TAKE, wish.state(), to, taker.name(), now);
		return reread(wish);
	}

	/**
	 * A taker reports the wish fulfilled, with a note and a photo; the resident (or his grid worker) is asked to
	 * confirm, and {@link WishFulfilled} is published once, inside this transaction.
	 */
	@Transactional
	public Wish fulfil(Actor actor, UUID id, String note, byte[] photo) {
		Wish wish = wishes.findUnscoped(id).orElseThrow(() -> DomainException.notFound("wish"));
		// he took it, or his partner unit did (through any of its liaisons)
		boolean isTaker = units.isTaker(actor, wishes.takers(wish.id()));
		if (!isTaker && !actor.scope().covers(wish.scopePath())
				&& !(WishRoles.mayTake(actor) && WishReach.covers(reach.takerScopes(actor), wish.scopePath()))) {
			throw DomainException.notFound("wish");
		}
		if (!isTaker) {
			throw new DomainException(Category.FORBIDDEN, "NOT_A_TAKER", "wish.notATaker");
		}
		WishState to = WishLifecycle.fulfil(wish.state(), note);
		List<FieldProblem> problems = new ArrayList<>();
		String text = text(note, "note", 1, 1000, true, problems);
		if (photo == null || photo.length == 0) {
			problems.add(new FieldProblem("photo", "wish.fulfilNeedsPhoto"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		StoredPhoto stored = photos.store(photo);
		Instant now = clock.instant();
		move(wish, WishAction.FULFIL, to, Map.of("fulfilled_at", now, "fulfilled_by", actor.userId(), "fulfilment_note", text,
				"fulfilment_photo_id", stored.id()), now);
		// read after the move, which holds the row: a take still under way in TAKEN has either committed (and is read
		// here) or will find the wish FULFILLED and roll back — the event names every taker, and only those
		List<Taker> takers = wishes.takers(wish.id());
		record(wish, actor, WishAction.FULFIL, wish.state(), to, text, now);
		List<UUID> confirmers = new ArrayList<>();
		confirmers.add(wish.postedBy());
		notifications.notify(confirmers,
				notice("WISH_FULFILLED", "notice.wish.fulfilled", wish, "/m/my-wishes/" + wish.id()));
		events.publishEvent(new WishFulfilled(wish.id(), wish.districtId(), wish.communityId(), wish.title(),
				wish.category(), takers, actor.userId(), now));
		return reread(wish);
	}

	/** The resident confirms (or his grid worker or the community for him), and may thank the takers. */
	@Transactional
	public Wish confirm(Actor actor, UUID id, String thanks) {
		Wish wish = wishes.findUnscoped(id)
			.filter(found -> actor.userId().equals(found.postedBy())
					|| (actor.hasAny(WishRoles.DESK) && actor.scope().covers(found.scopePath())))
			.orElseThrow(() -> DomainException.notFound("wish"));
		WishState to = WishLifecycle.confirm(wish.state());
		List<FieldProblem> problems = new ArrayList<>();
		String text = text(thanks, "thanks", 0, 500, false, problems);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Instant now = clock.instant();
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("confirmed_at", now);
		columns.put("confirmed_by", actor.userId());
		columns.put("thanks", text);
		move(wish, WishAction.CONFIRM, to, columns, now);
		record(wish, actor, WishAction.CONFIRM, wish.state(), to, text, now);
		List<UUID> takers = wishes.takers(wish.id()).stream().map(Taker::accountId).filter(Objects::nonNull).toList();
		notifications.notify(takers, notice("WISH_CONFIRMED", "notice.wish.confirmed", wish,
				"/m/wishes/" + wish.id(), text == null ? "" : text));
		return reread(wish);
	}

	/**
	 * The expiry sweep's step for one wish past its date. Unclaimed, it goes back to the community, who is told. Taken
	 * by some but not all of the takers it was published for, it stays with its takers — who may still fulfil it, and
	 * takes are refused past the date — and the community is told once that places are left. Answers false when
	 * there was nothing to do (taken at the last minute, or already told).
	 */
	@Transactional
	public boolean raise(UUID id, Instant now) {
		Wish wish = wishes.findUnscoped(id).orElseThrow(() -> DomainException.notFound("wish"));
		if (!wish.dueOn().isBefore(today(now))) {
			return false;
		}
		if (wish.state() == WishState.TAKEN) {
			return raiseShortOfTakers(wish, now);
		}
		if (!wish.state().unclaimed()) {
			return false;
		}
		WishState to = WishLifecycle.raise(wish.state());
		if (!wishes.step(wish.id(), wish.state(), to, now, Map.of("raised_at", now))) {
			return false;
		}
		wishes.append(wish.districtId(), new WishStep(Ids.newId(clock), wish.id(), now, null, "system",
				WishAction.RAISE, wish.state(), to, wish.dueOn().toString()));
		notifications.notify(staffOf(wish), notice("WISH_RAISED", "notice.wish.raised", wish, "/wishes/" + wish.id()));
		return true;
	}

	private boolean raiseShortOfTakers(Wish wish, Instant now) {
		if (!wishes.markShortOfTakers(wish.id(), today(now), now)) {
			return false;
		}
		String places = wish.takerCount() + "/" + wish.maxTakers();
		wishes.append(wish.districtId(), new WishStep(Ids.newId(clock), wish.id(), now, null, "system",
				WishAction.OVERDUE, wish.state(), wish.state(), wish.dueOn() + " " + places));
		notifications.notify(staffOf(wish), notice("WISH_SHORT_OF_TAKERS", "wish.notice.shortOfTakers", wish,
				"/wishes/" + wish.id(), wish.takerCount(), wish.maxTakers()));
		return true;
	}

	// ---- helpers ----------------------------------------------------------------------------------------------------

	private static DomainException pastDue(Wish wish) {
		return new DomainException(Category.CONFLICT, "WISH_PAST_DUE", "wish.pastDue", wish.dueOn().toString());
	}

	private Wish forVetting(Actor actor, UUID id) {
		if (!WishRoles.mayVet(actor)) {
			throw forbidden();
		}
		return wishes.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("wish"));
	}

	private void move(Wish wish, WishAction action, WishState to, Map<String, Object> columns, Instant now) {
		if (!wishes.step(wish.id(), wish.state(), to, now, columns)) {
			// someone else moved it between the read and the update: name the state it is in now
			WishState current = wishes.findUnscoped(wish.id()).map(Wish::state).orElse(wish.state());
			throw new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "wish.illegalTransition", action.name(),
					current.name());
		}
	}

	private Wish reread(Wish wish) {
		return wishes.findUnscoped(wish.id()).orElseThrow();
	}

	private void record(Wish wish, Actor actor, WishAction action, WishState from, WishState to, String note,
			Instant now) {
		wishes.append(wish.districtId(),
				new WishStep(Ids.newId(clock), wish.id(), now, actor.userId(), actor.displayName(), action, from, to,
						note));
	}

	/** The community's staff: they vet, and hear of what comes back unclaimed. */
	private List<UUID> staffOf(Wish wish) {
		return accounts.covering(wish.scopePath(), EnumSet.of(Role.COMMUNITY_STAFF))
			.stream()
			.filter(a -> a.enabled())
			.map(a -> a.id())
			.toList();
	}

	private Notice notice(String kind, String key, Wish wish, String link, Object... extra) {
		Object[] args = new Object[1 + extra.length];
		args[0] = wish.title();
		System.arraycopy(extra, 0, args, 1, extra.length);
		String title = messages.getMessage(key + ".title", args, LocaleContextHolder.getLocale());
		String body = messages.getMessage(key + ".body", args, LocaleContextHolder.getLocale());
		return new Notice(kind, title, body, link, wish.districtId());
	}

	private OrgUnit communityOf(OrgUnit place) {
		if (place.level() == OrgLevel.COMMUNITY) {
			return place;
		}
		String path = communityPath(place.path());
		UUID id = UUID.fromString(path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1));
		// the community above the place; looked up in its own scope, which the place lies in
		return orgUnits.find(new DataScope(id, path), id).orElseThrow(() -> DomainException.notFound("community"));
	}

	/** The path of the community a path lies in: the tree is city / district / street / community / grid / … */
	static String communityPath(String path) {
		String[] parts = path.split("/");
		if (parts.length < 5) {
			throw new IllegalArgumentException("not below a community: " + path);
		}
		return "/" + String.join("/", List.of(parts).subList(1, 5)) + "/";
	}

	LocalDate today(Instant now) {
		return now.atZone(zone).toLocalDate();
	}

	private void checkDue(LocalDate dueOn, Instant now, List<FieldProblem> problems) {
		if (dueOn == null) {
			problems.add(new FieldProblem("dueOn", "validation.required"));
		}
		else if (dueOn.isBefore(today(now)) || dueOn.isAfter(today(now).plusDays(MAX_DAYS_AHEAD))) {
			problems.add(new FieldProblem("dueOn", "wish.dueOnRange", MAX_DAYS_AHEAD));
		}
	}

	private static int checkMaxTakers(Integer maxTakers, List<FieldProblem> problems) {
		int value = maxTakers == null ? 1 : maxTakers;
		if (value < 1 || value > MAX_TAKERS) {
			problems.add(new FieldProblem("maxTakers", "wish.maxTakersRange", MAX_TAKERS));
		}
		return value;
	}

	private static String text(String value, String field, int min, int max, boolean required,
			List<FieldProblem> problems) {
		String text = value == null ? null : value.strip();
		if (text == null || text.isEmpty()) {
			if (required) {
				problems.add(new FieldProblem(field, "validation.required"));
			}
			return null;
		}
		if (text.codePointCount(0, text.length()) < min || text.codePointCount(0, text.length()) > max) {
			problems.add(new FieldProblem(field, "wish.length", min, max));
		}
		return text;
	}

	private static DomainException forbidden() {
		return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
	}
}
