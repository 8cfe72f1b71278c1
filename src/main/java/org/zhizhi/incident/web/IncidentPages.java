package org.zhizhi.incident.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.IncidentPart;
import org.zhizhi.incident.Unit;
import org.zhizhi.incident.IncidentCategory;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentRoles;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.TimelineDetail;
import org.zhizhi.incident.TimelineEntry;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * What the incident pages share: who works at the desk, what a phone user may see of an incident, grid and category
 * names, and the timeline told in the user's language.
 */
@Component
class IncidentPages {


	/** Who works the queue at a desk: the grid and the tiers above it. */
	static final Set<Role> DESK = IncidentRoles.DESK;

	private final IncidentQueries queries;

	private final OrgUnitQueries orgUnits;

	private final MessageSource messages;

	private final AccountQueries accounts;

	private final ZoneId zone;

	IncidentPages(IncidentQueries queries, OrgUnitQueries orgUnits, MessageSource messages, AccountQueries accounts,
			ZoneId zone) {
		this.zone = zone;
		this.accounts = accounts;
		this.queries = queries;
		this.orgUnits = orgUnits;
		this.messages = messages;
	}

	static boolean atDesk(Actor actor) {
		return IncidentRoles.worksAtDesk(actor);
	}

	static void requireDesk(Actor actor) {
		if (!atDesk(actor)) {
			throw new DomainException(DomainException.Category.FORBIDDEN, "ROLE_NOT_ALLOWED",
					"incident.roleNotAllowed");
		}
	}

	/**
	 * What someone away from the desk may open: his own report, his own order, or an open call of his scope he may
	 * grab. Anything else looks exactly like an incident that does not exist.
	 */
	static boolean visibleOnPhone(Actor actor, IncidentView incident) {
		return actor.userId().equals(incident.reporterId()) || actor.userId().equals(incident.claimedBy())
				|| (incident.state() == IncidentState.WHISTLED && incident.claimedBy() == null);
	}

	/** An incident of the scope that the actor may see on a page, or not found. */
	IncidentView visible(Actor actor, UUID id) {
		IncidentView incident = queries.find(actor.scope(), id)
			.map(d -> d.incident())
			.orElseThrow(() -> DomainException.notFound("incident"));
		if (!atDesk(actor) && !visibleOnPhone(actor, incident)) {
			throw DomainException.notFound("incident");
		}
		return incident;
	}

	/** Who may be assigned an order by name: the party members and grid workers covering the incident's grid. */
	static final Set<Role> ASSIGNABLE = EnumSet.of(Role.PARTY_MEMBER, Role.GRID_WORKER);

	/** The roles of the people whose names an incident's page shows: whoever acts on it, never its residents. */
	private static final Set<Role> ACTING = EnumSet.complementOf(EnumSet.of(Role.RESIDENT, Role.AUDITOR));

	/**
	 * A unit's liaison and nothing more: he works on his unit's orders only, and sees nothing of other units' or the
	 * open calls of his area.
	 */
	static boolean liaisonOnly(Actor actor) {
		return actor.hasAny(EnumSet.of(Role.PARTNER_LIAISON, Role.PROPERTY_STAFF)) && !atDesk(actor)
				&& !actor.has(Role.PARTY_MEMBER);
	}

	/** The members an order of this incident may be assigned to, by name. */
	List<Account> assignableMembers(IncidentView incident) {
		return accounts.covering(incident.scopePath(), ASSIGNABLE)
			.stream()
			.sorted(java.util.Comparator.comparing(Account::displayName))
			.toList();
	}

	/** The names of the people who may act on the incident (assignees, handlers, those asking for more time). */
	Map<UUID, String> peopleNames(IncidentView incident) {
		Map<UUID, String> names = new HashMap<>();
		accounts.covering(incident.scopePath(), ACTING).forEach(a -> names.put(a.id(), a.displayName()));
		return names;
	}

	/** The active units of the actor's sight that serve the incident's place, by name. */
	List<Unit> unitsServing(Actor actor, IncidentView incident) {
		return queries.units(actor.scope())
			.stream()
			.filter(Unit::active)
			.filter(u -> incident.scopePath().startsWith(u.scopePath()))
			.sorted(java.util.Comparator.comparing(Unit::name))
			.toList();
	}

	/** Whom the incident is with now, in words: the member's name, the unit's, or the org unit of its tier. */
	String ownerName(Actor actor, IncidentView incident, Map<UUID, String> people, List<Unit> units,
			List<IncidentPart> parts) {
		UUID owner = incident.ownerId();
		if (owner == null || incident.ownerKind() == null) {
			return null;
		}
		return switch (incident.ownerKind()) {
			case MEMBER -> people.getOrDefault(owner, text("desk.owner.member"));
			case UNIT -> units.stream()
				.filter(u -> u.id().equals(owner))
				.map(Unit::name)
				.findFirst()
				.or(() -> parts.stream().filter(p -> p.unitId().equals(owner)).map(IncidentPart::unitName).findFirst())
				.orElse(text("desk.owner.unit"));
			case ORG_UNIT -> orgUnits.find(actor.scope(), owner)
				.map(OrgUnit::name)
				.orElse(text("tier." + incident.tier().name()));
		};
	}

	/** One deadline as the pages show it, and whether it has passed while it still mattered. */
	record Due(String key, Instant at, boolean overdue) {
	}

	/**
	 * The three deadlines: to respond matters until someone holds the order, to be on site until the check-in, to
	 * resolve until the incident is closed. A city platform's order's own deadline (12345时限, 141时限) comes first:
	 * the others never lie after it, and it is the one the platform judges the district by.
	 */
	static List<Due> dues(IncidentView incident, Instant now) {
		IncidentState s = incident.state();
		boolean waiting = s == IncidentState.WHISTLED || s == IncidentState.ASSIGNED;
		boolean beforeCheckIn = waiting || s == IncidentState.CLAIMED;
		List<Due> dues = new java.util.ArrayList<>();
		if (incident.binding() != null) {
			Instant due = incident.binding().dueAt();
			dues.add(new Due("incident.bindingDue." + incident.binding().source(), due,
					incident.closedAt() == null && now.isAfter(due)));
		}
		if (incident.respondDueAt() != null) {
			dues.add(new Due("incident.respondDueAt", incident.respondDueAt(),
					waiting && now.isAfter(incident.respondDueAt())));
		}
		if (incident.onSiteDueAt() != null) {
			dues.add(new Due("incident.onSiteDueAt", incident.onSiteDueAt(),
					beforeCheckIn && now.isAfter(incident.onSiteDueAt())));
		}
		if (incident.resolveDueAt() != null) {
			dues.add(new Due("incident.resolveDueAt", incident.resolveDueAt(), incident.overdue(now)));
		}
		return dues;
	}

	/**
	 * How long ago something happened, as a phone card says it: "3 天前", "5 小时前", "12 分钟前" — at a glance, where a
	 * date makes the reader count.
	 */
	String age(Instant since, Instant now) {
		java.time.Duration d = java.time.Duration.between(since, now);
		if (d.toDays() >= 1) {
			return text("incident.age.days", String.valueOf(d.toDays()));
		}
		if (d.toHours() >= 1) {
			return text("incident.age.hours", String.valueOf(d.toHours()));
		}
		return d.toMinutes() >= 1 ? text("incident.age.minutes", String.valueOf(d.toMinutes())) : text("incident.age.now");
	}

	/** The names of the given grids inside the scope. */
	Map<UUID, String> gridNames(Actor actor, Collection<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		ids.stream()
			.filter(Objects::nonNull)
			.distinct()
			.forEach(id -> orgUnits.find(actor.scope(), id).map(OrgUnit::name).ifPresent(n -> names.put(id, n)));
		return names;
	}

	/** A grid's outline for the small map a position is picked on. */
	record GridCell(String name, String boundary) {
	}

	/** The grids of the actor's scope that have an outline. */
	List<GridCell> gridCells(Actor actor) {
		return orgUnits.list(actor.scope(), new org.zhizhi.territory.OrgUnitFilter(null, null,
				org.zhizhi.territory.OrgLevel.GRID))
			.stream()
			.filter(g -> g.boundary() != null)
			.map(g -> new GridCell(g.name(), g.boundary()))
			.toList();
	}

	/** The active categories by class name, in the order the form offers them. */
	Map<String, List<IncidentCategory>> categoriesByClass() {
		Map<String, List<IncidentCategory>> byClass = new LinkedHashMap<>();
		for (IncidentCategory c : queries.categories()) {
			byClass.computeIfAbsent(c.className(), k -> new java.util.ArrayList<>()).add(c);
		}
		return byClass;
	}

	Map<String, String> categoryNames() {
		Map<String, String> names = new HashMap<>();
		queries.categories().forEach(c -> names.put(c.code(), c.name()));
		return names;
	}

	/** One timeline line as the pages show it. */
	record Line(TimelineEntry entry, String what, String detail, UUID photoId) {
	}

	/**
	 * The timeline in words: the step, and what it chose (triage, whistle type and dispatch, reason, rating, card,
	 * tiers, hours…) put in the user's language from its typed detail, then the person's note; a check-in's distance; a
	 * photo's id for its thumbnail. An entry written before the typed detail shows its text as it was.
	 */
	List<Line> lines(List<TimelineEntry> timeline) {
		return timeline.stream().map(this::line).toList();
	}

	private Line line(TimelineEntry e) {
		String what = text("incidentAction." + e.action().name());
		if (e.payload() == null) {
			return new Line(e, what, e.detail(), null);
		}
		if (e.payload() instanceof TimelineDetail.Photo photo) {
			return new Line(e, what, null, photo.photoId());
		}
		String choice = choice(e.payload());
		String note = e.note();
		String detail = choice == null ? note : note == null ? choice : choice + "：" + note;
		return new Line(e, what, detail, null);
	}

	/** The choice a step made, in words. */
	private String choice(TimelineDetail detail) {
		return switch (detail) {
			case TimelineDetail.Reported r -> text("channel." + r.channel());
			case TimelineDetail.Rejected r -> text("rejectReason." + r.reason());
			case TimelineDetail.Triaged t -> text("triage." + t.triage());
			case TimelineDetail.Whistled w -> text("whistleType." + w.type()) + " · " + text("dispatchMode." + w.mode());
			case TimelineDetail.Assigned a -> a.coUnits() == 0 ? a.to() : a.to() + " +" + a.coUnits();
			case TimelineDetail.CheckedIn c -> {
				String distance = text("incident.checkIn.distance", Math.round(c.distanceM()));
				yield c.flagged() ? distance + " · " + text("incident.checkIn.flagged") : distance;
			}
			case TimelineDetail.Escalated x -> {
				String tiers = text("tier." + x.from()) + " → " + text("tier." + x.to());
				yield x.overdueSince() == null ? tiers
						: tiers + "：" + text("incident.auto.respondOverdue", moment(x.overdueSince()));
			}
			case TimelineDetail.Urged u -> u.overdue() == null ? text("urgeCard." + u.card())
					: text("urgeCard." + u.card()) + "：" + text(u.overdue() == TimelineDetail.Deadline.RESPOND
							? "incident.auto.respondOverdue" : "incident.auto.resolveOverdue", moment(u.due()));
			case TimelineDetail.ExtensionAsked x -> text("incident.hours", x.hours());
			case TimelineDetail.ExtensionDecided x -> x.newResolveDue() == null ? text("incident.hours", x.hours())
					: text("incident.hours", x.hours()) + " → " + moment(x.newResolveDue());
			case TimelineDetail.Rated r -> text("rating." + r.rating());
			case TimelineDetail.PartStep p -> p.unit();
			case TimelineDetail.Photo p -> null;
		};
	}

	/** A moment as the pages show times. */
	private String moment(java.time.Instant instant) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(zone));
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
