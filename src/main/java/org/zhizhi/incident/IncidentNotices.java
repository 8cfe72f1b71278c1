package org.zhizhi.incident;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.GridLocator;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Tells whoever must act next after a step of an incident, in the step's own transaction: the step and its messages
 * commit together or not at all. {@link #whoActsNext} holds every rule of who is told what; the rest only writes the
 * words. Nobody is told to act on the step he has just taken himself. An anonymous reporter is still told about his
 * own report — the message is his alone, and names nobody. The new reports of an intake group are told together, by
 * {@link GroupedReportNotices}, with this class's REPORT rule and words.
 */
@Component
class IncidentNotices {

	/**
	 * The listener reads the one incident the step has just written, on the platform's behalf and not on a user's:
	 * {@code /} is the prefix of every path.
	 */
	static final DataScope PLATFORM = new DataScope(new UUID(0, 0), "/");

	/** The words are written once, in the platform's language, and kept: an SMS or WeChat channel sends them as they are. */
	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	private static final int EXCERPT = 60;

	private final IncidentQueries incidents;

	private final AccountQueries accounts;

	private final OrgUnitQueries orgUnits;

	private final Notifications notifications;

	private final org.zhizhi.incident.persistence.JdbcUnits units;

	private final org.zhizhi.incident.persistence.JdbcDuplicates followers;

	private final MessageSource messages;

	private final GridLocator grids;

	IncidentNotices(IncidentQueries incidents, AccountQueries accounts, OrgUnitQueries orgUnits,
			Notifications notifications, MessageSource messages, org.zhizhi.incident.persistence.JdbcUnits units,
			org.zhizhi.incident.persistence.JdbcDuplicates followers, GridLocator grids) {
		this.grids = grids;
		this.units = units;
		this.followers = followers;
		this.incidents = incidents;
		this.accounts = accounts;
		this.orgUnits = orgUnits;
		this.notifications = notifications;
		this.messages = messages;
	}

	/** The subject type of the incident's notices in the inbox. */
	static final String SUBJECT = "INCIDENT";

	/**
	 * The notices a step answers without moving the incident on: a decided extension answers its request, keeping an
	 * incident closed answers the unsatisfied rating. Every other notice is done when the incident leaves the state
	 * it was sent in.
	 */
	static Set<String> settledBy(IncidentAction action) {
		return switch (action) {
			case EXTENSION_APPROVE, EXTENSION_REFUSE -> Set.of("INCIDENT_EXTENSION_REQUESTED");
			case KEEP_CLOSED -> Set.of("INCIDENT_UNSATISFIED");
			default -> Set.of();
		};
	}

	/** Who is told, what kind of message he gets, and the page where he acts. */
	record Addressees(Set<UUID> recipients, String kind, String link) {
	}

	@EventListener
	void on(IncidentEvent event) {
		// a new report's notice quotes no note from the timeline: the incident's row is all it needs (issue 16)
		boolean report = event.action() == IncidentAction.REPORT;
		if (report && ReportIntake.writesGroup()) {
			// told together with the rest of its group, just before the group commits
			return;
		}
		IncidentDetail detail = report
				? incidents.view(PLATFORM, event.incidentId()).map(i -> new IncidentDetail(i, List.of())).orElse(null)
				: incidents.find(PLATFORM, event.incidentId()).orElse(null);
		if (detail == null) {
			return;
		}
		// what earlier notices asked for is done once the incident has moved on (or the step answered them); a new
		// report has had no notices yet
		if (!report) {
			notifications.settle(SUBJECT, event.incidentId(), detail.incident().state().name(),
					settledBy(event.action()));
		}
		whoActsNext(event, detail.incident()).ifPresent(to -> {
			Set<UUID> recipients = new LinkedHashSet<>(to.recipients());
			recipients.remove(event.actorId());
			if (!recipients.isEmpty()) {
				notifications.notify(recipients, notice(to, event, detail)
					.about(SUBJECT, event.incidentId(), detail.incident().state().name()));
			}
		});
	}

	/**
	 * The rules, one line per step that leaves somebody something to do. To tell people of a new step (ASSIGN,
	 * ESCALATE, URGE, EXTEND…), add its line here and its title and body under {@code notice.<kind>} in the message
	 * bundles.
	 */
	Optional<Addressees> whoActsNext(IncidentEvent event, IncidentView incident) {
		return switch (event.action()) {
			// a new report waits for the grid (or its community) to accept it
			case REPORT -> to("INCIDENT_REPORTED", dispatchersOf(incident), staffPage(incident));
			// an open call (抢单): every party member whose scope covers the place may claim it
			// an open call (抢单) only; a whistle dispatched at once is told by its ASSIGN
			case WHISTLE -> incident.dispatchMode() == DispatchMode.OPEN_CALL
					? to("INCIDENT_WHISTLED", partyMembersCovering(incident), "/m/tasks") : Optional.empty();
			// 指派/轮派: the member, or the liaisons of the unit and of a tough whistle's co-units, must answer (应哨)
			case ASSIGN -> to("INCIDENT_ASSIGNED", assignees(incident), "/m/tasks");
			// handed back or raised a tier: the tier that owns it now must dispatch it again
			case HAND_BACK -> to("INCIDENT_HANDED_BACK", tierStaff(incident, incident.tier()), staffPage(incident));
			case ESCALATE -> to("INCIDENT_ESCALATED", tierStaff(incident, incident.tier()), staffPage(incident));
			// 督办, a reopened incident, a decided extension: whoever handles it
			case URGE -> to("INCIDENT_URGED", handlersOrTier(incident), "/m/tasks");
			case REOPEN -> to("INCIDENT_REOPENED", handlersOrTier(incident), "/m/tasks");
			case EXTENSION_APPROVE, EXTENSION_REFUSE -> to("INCIDENT_EXTENSION_DECIDED", handlersOrTier(incident),
					"/m/tasks");
			// 延期申请: the tier above decides
			case EXTENSION_REQUEST -> to("INCIDENT_EXTENSION_REQUESTED",
					tierStaff(incident, incident.tier().above().orElse(Tier.DISTRICT)), staffPage(incident));
			// an unsatisfied rating: the community reopens it or says why not
			case RATE -> incident.rating() == Rating.UNSATISFIED
					? to("INCIDENT_UNSATISFIED", tierStaff(incident, Tier.COMMUNITY), staffPage(incident))
					: Optional.empty();
			// done, says the claimer: the grid checks it
			case RESOLVE -> to("INCIDENT_RESOLVED", verifiersOf(incident), staffPage(incident));
			// not done, says the grid: back to the claimer
			case REWORK -> to("INCIDENT_REWORK", only(incident.claimedBy()), "/m/tasks");
			// closed, after verification or as a private matter: the reporter may rate it
			// closed, after verification or as a private matter: the reporter may rate it; its followers learn it too
			case CLOSE -> to("INCIDENT_CLOSED", reporterAndFollowers(incident), reporterPage(incident));
			// refused: the reporter learns why
			case REJECT -> to("INCIDENT_REJECTED", only(incident.reporterId()), reporterPage(incident));
			default -> Optional.empty();
		};
	}

	// --- who ------------------------------------------------------------------------------------------------------

	/** The assigned member, or every liaison of the assigned unit and of the co-units of its tough whistle. */
	private Set<UUID> assignees(IncidentView incident) {
		Set<UUID> ids = new LinkedHashSet<>();
		if (incident.ownerKind() == OwnerKind.MEMBER) {
			ids.add(incident.ownerId());
		}
		else if (incident.ownerKind() == OwnerKind.UNIT) {
			ids.addAll(units.liaisons(incident.ownerId()));
			units.parts(incident.id()).forEach(part -> ids.addAll(units.liaisons(part.unitId())));
		}
		return ids;
	}

	private Set<UUID> reporterAndFollowers(IncidentView incident) {
		Set<UUID> ids = new LinkedHashSet<>(only(incident.reporterId()));
		ids.addAll(followers.followerIds(incident.id()));
		return ids;
	}

	/** Whoever handles the incident now: its taker, the liaisons of its unit; else the staff of its tier. */
	private Set<UUID> handlersOrTier(IncidentView incident) {
		Set<UUID> ids = new LinkedHashSet<>();
		if (incident.claimedBy() != null) {
			ids.add(incident.claimedBy());
		}
		if (incident.unitId() != null) {
			ids.addAll(units.liaisons(incident.unitId()));
		}
		return ids.isEmpty() ? tierStaff(incident, incident.tier()) : ids;
	}

	/**
	 * The people who dispatch at a tier: the grid's workers, the community's staff, the street's staff or the
	 * district's administrators, bound to that very node.
	 */
	private Set<UUID> tierStaff(IncidentView incident, Tier tier) {
		if (tier == Tier.GRID) {
			return dispatchersOf(incident);
		}
		Role role = switch (tier) {
			case COMMUNITY -> Role.COMMUNITY_STAFF;
			case STREET -> Role.STREET_STAFF;
			default -> Role.DISTRICT_ADMIN;
		};
		String node = tier.pathAbove(incident.scopePath());
		Set<UUID> ids = new LinkedHashSet<>();
		accounts.covering(node, EnumSet.of(role))
			.stream()
			.filter(account -> account.scopePath().equals(node))
			.forEach(account -> ids.add(account.id()));
		return ids;
	}

	/** The grid's workers (of the grid itself or of the incident's micro-grid) and its community's staff. */
	private Set<UUID> dispatchersOf(IncidentView incident) {
		// one look-up for both roles: every report asks this (issue 16)
		return dispatchersAmong(incident, covering(incident, EnumSet.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF)));
	}

	/** The grid's workers and the community's staff among the accounts covering the incident's place. */
	static Set<UUID> dispatchersAmong(IncidentView incident, List<Account> covering) {
		Set<UUID> ids = new LinkedHashSet<>(gridWorkersAmong(incident, covering));
		String community = parentPath(incident.scopePath());
		covering.stream()
			.filter(account -> account.roles().contains(Role.COMMUNITY_STAFF))
			.filter(account -> account.scopePath().equals(community))
			.forEach(account -> ids.add(account.id()));
		return ids;
	}

	/** The grid's workers; where the grid has none, its community's staff, so that a resolution never waits unseen. */
	private Set<UUID> verifiersOf(IncidentView incident) {
		Set<UUID> workers = gridWorkersOf(incident);
		if (!workers.isEmpty()) {
			return workers;
		}
		String community = parentPath(incident.scopePath());
		Set<UUID> staff = new LinkedHashSet<>();
		covering(incident, EnumSet.of(Role.COMMUNITY_STAFF)).stream()
			.filter(account -> account.scopePath().equals(community))
			.forEach(account -> staff.add(account.id()));
		return staff;
	}

	private Set<UUID> gridWorkersOf(IncidentView incident) {
		return gridWorkersAmong(incident, covering(incident, EnumSet.of(Role.GRID_WORKER)));
	}

	/** The grid workers bound to the incident's grid or micro-grid among accounts covering its place. */
	private static Set<UUID> gridWorkersAmong(IncidentView incident, List<Account> covering) {
		Set<String> grid = new LinkedHashSet<>(List.of(incident.scopePath()));
		if (incident.microGridId() != null) {
			grid.add(incident.scopePath() + incident.microGridId() + "/");
		}
		Set<UUID> ids = new LinkedHashSet<>();
		covering.stream()
			.filter(account -> account.roles().contains(Role.GRID_WORKER))
			.filter(account -> grid.contains(account.scopePath()))
			.forEach(account -> ids.add(account.id()));
		return ids;
	}

	private Set<UUID> partyMembersCovering(IncidentView incident) {
		Set<UUID> ids = new LinkedHashSet<>();
		covering(incident, EnumSet.of(Role.PARTY_MEMBER)).forEach(account -> ids.add(account.id()));
		return ids;
	}

	/** Accounts with the roles bound to the incident's micro-grid (or grid) or any node above it. */
	private List<Account> covering(IncidentView incident, Set<Role> roles) {
		return accounts.covering(placeOf(incident), roles);
	}

	/** The incident's micro-grid, or its grid, as a path. */
	static String placeOf(IncidentView incident) {
		return incident.microGridId() == null ? incident.scopePath()
				: incident.scopePath() + incident.microGridId() + "/";
	}

	private static Set<UUID> only(UUID account) {
		return account == null ? Set.of() : Set.of(account);
	}

	private static Optional<Addressees> to(String kind, Set<UUID> recipients, String link) {
		return Optional.of(new Addressees(recipients, kind, link));
	}

	static String staffPage(IncidentView incident) {
		return "/incidents/" + incident.id();
	}

	private static String reporterPage(IncidentView incident) {
		return "/m/reports/" + incident.id();
	}

	/** {@code /a/b/c/} → {@code /a/b/}: a grid's path to its community's. */
	private static String parentPath(String path) {
		int last = path.lastIndexOf('/', path.length() - 2);
		return path.substring(0, last + 1);
	}

	// --- what -----------------------------------------------------------------------------------------------------

	private Notice notice(Addressees to, IncidentEvent event, IncidentDetail detail) {
		return notice(to, event, detail, gridName(detail.incident().gridId()));
	}

	/** The grid's name from the grid index (no read), else from the tree (a grid without a boundary). */
	String gridName(UUID grid) {
		return grids.nameOf(grid).or(() -> orgUnits.find(PLATFORM, grid).map(OrgUnit::name)).orElse("");
	}

	/** The notice of one step, naming the place as given (a group names each grid once). */
	Notice notice(Addressees to, IncidentEvent event, IncidentDetail detail, String place) {
		IncidentView incident = detail.incident();
		String key = "notice." + to.kind();
		String category = incidents.categories()
			.stream()
			.filter(c -> c.code().equals(incident.categoryCode()))
			.map(IncidentCategory::name)
			.findFirst()
			.orElse(incident.categoryCode());
		String what = excerpt(incident.description());
		List<Object> args = new ArrayList<>(List.of(place, category, what));
		switch (event.action()) {
			case WHISTLE -> args.add(incident.whistleType() == null ? ""
					: text("notice.whistleType." + incident.whistleType()));
			case REJECT -> {
				args.add(incident.rejectReason() == null ? "" : text("notice.rejectReason." + incident.rejectReason()));
				String note = note(detail, IncidentAction.REJECT, incident.rejectReason());
				args.add(note.isEmpty() ? "" : text("notice.remark", note));
			}
			case REWORK -> args.add(note(detail, IncidentAction.REWORK, null));
			case HAND_BACK -> args.add(note(detail, IncidentAction.HAND_BACK, null));
			case ESCALATE -> args.add(text("notice.tier." + incident.tier()));
			case URGE -> args.add(note(detail, IncidentAction.URGE, null));
			case REOPEN -> args.add(note(detail, IncidentAction.REOPEN, null));
			case RATE -> args.add(incident.ratingComment() == null ? "" : incident.ratingComment());
			case EXTENSION_REQUEST -> args.add(note(detail, IncidentAction.EXTENSION_REQUEST, null));
			case EXTENSION_APPROVE -> args.add(text("notice.extension.approved"));
			case EXTENSION_REFUSE -> args.add(text("notice.extension.refused"));
			case ASSIGN -> args.add(incident.whistleType() == null ? ""
					: text("notice.whistleType." + incident.whistleType()));
			case CLOSE -> {
				// closed straight from acceptance: a private matter (私事), with the advice given as its note
				if (event.from() == IncidentState.ACCEPTED) {
					key = key + ".private";
					args.add(note(detail, IncidentAction.CLOSE, Triage.PRIVATE));
				}
			}
			default -> {
			}
		}
		Object[] values = args.toArray();
		return new Notice(to.kind(), text(key + ".title", values), text(key + ".body", values), to.link(),
				incident.districtId());
	}

	/** The note of the latest entry of a step, without the choice the timeline writes before it ("DUPLICATE: …"). */
	private static String note(IncidentDetail detail, IncidentAction action, Enum<?> choice) {
		String text = detail.timeline()
			.reversed()
			.stream()
			.filter(entry -> entry.action() == action)
			.map(TimelineEntry::detail)
			.findFirst()
			.orElse(null);
		if (text == null) {
			return "";
		}
		if (choice != null && text.startsWith(choice.name())) {
			text = text.substring(choice.name().length()).replaceFirst("^:\\s*", "");
		}
		return text.strip();
	}

	private static String excerpt(String description) {
		return description.length() <= EXCERPT ? description : description.substring(0, EXCERPT) + "…";
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, LANGUAGE);
	}
}
