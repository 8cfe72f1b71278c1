package org.zhizhi.dashboard.web;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.zhizhi.command.CommandRoles;
import org.zhizhi.command.ScreenAccess;
import org.zhizhi.command.EmergencyLifecycle;
import org.zhizhi.deliberation.DeliberationRoles;
import org.zhizhi.identity.GrantRules;
import org.zhizhi.identity.PlatformRoles;
import org.zhizhi.citylink.Subscribers;
import org.zhizhi.incident.IncidentRoles;
import org.zhizhi.partnership.PartnershipManagement;
import org.zhizhi.partnership.meeting.MeetingRules;
import org.zhizhi.party.PartyRules;
import org.zhizhi.people.PeopleRoles;
import org.zhizhi.points.PointsRoles;
import org.zhizhi.property.PropertyRoles;
import org.zhizhi.property.SelfRunRoles;
import org.zhizhi.servicepoint.ServicePointRoles;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.TerritoryRoles;
import org.zhizhi.volunteer.VolunteerRoles;
import org.zhizhi.wish.WishRoles;

/**
 * The side menu. Each entry shows when its module's own rule says the person may use the page — the rule the page's
 * controller (or the page chain) enforces — so the menu never offers a page that answers 403, and a rule changed in
 * its module changes the menu with it. {@code DemoMenusIntegrationTests} opens every entry as every demo account.
 */
final class Navigation {

	/**
	 * One entry: its label's message key, where it leads, its icon in {@code fragments/icons}, the rule, and the
	 * paths it stands for (the longest that starts the current path marks the entry active).
	 */
	record Entry(String label, String href, String icon, Predicate<Actor> rule, List<String> paths) {

		Entry(String label, String href, String icon, Predicate<Actor> rule) {
			this(label, href, icon, rule, List.of(href));
		}
	}

	/** An entry as the layout draws it. */
	record Link(String label, String href, String icon, boolean active) {
	}

	/** The menu of one person on one page: his work, then his own account's pages. */
	record Menu(List<Link> main, List<Link> account) {
	}

	static final List<Entry> MAIN = List.of(
			new Entry("nav.home", "/", "home", Navigation::hasWorkbench),
			new Entry("nav.territory", "/territory", "territory", TerritoryRoles::mayReadTree),
			new Entry("nav.gridMap", "/territory/map", "map", TerritoryRoles::mayReadTree),
			new Entry("nav.estates", "/territory/estates", "estates", TerritoryRoles::mayReadPlaces,
					List.of("/territory/estates", "/territory/buildings")),
			new Entry("nav.people", "/residents", "accounts", PeopleRoles::mayRead,
					List.of("/residents", "/households", "/ledgers")),
			new Entry("nav.party", "/party", "party", PartyRules::mayRead),
			new Entry("nav.partyLife", "/m/party", "party", actor -> actor.has(org.zhizhi.shared.Role.PARTY_MEMBER)),
			new Entry("nav.incidents", "/incidents", "whistle", IncidentRoles::worksAtDesk),
			new Entry("nav.incidentKpi", "/incidents/kpi", "chart", IncidentRoles::readsKpis),
			new Entry("command.screen.nav", "/command/screen", "map", ScreenAccess::hasOwnScreen),
			new Entry("command.report.nav", "/command/reports", "chart", ScreenAccess::hasOwnScreen),
			new Entry("nav.emergency", "/command/emergency", "whistle", EmergencyLifecycle::leads),
			new Entry("nav.alerts", "/command/alerts", "audit", CommandRoles::readsAlerts,
					List.of("/command/alerts", "/command/supervision", "/command/optimisation", "/command/rules")),
			new Entry("nav.citylink", "/citylink", "api", Subscribers::mayManage),
			new Entry("nav.partnership", "/partnership/lists", "partnership", PartnershipManagement::mayOpenDesk,
					List.of("/partnership")),
			new Entry("nav.meetings", "/partnership/meetings", "meeting", MeetingRules::mayUse),
			new Entry("wish.nav.desk", "/wishes", "heart", WishRoles::usesDesk),
			new Entry("wish.nav.wall", "/m/wishes", "heart", WishRoles::mayTake),
			new Entry("wish.nav.mine", "/m/my-wishes", "heart", WishRoles::hasOwnWishes,
					List.of("/m/my-wishes", "/m/wish")),
			new Entry("nav.report", "/m/report", "camera", IncidentRoles::reportsByPhone),
			new Entry("nav.myReports", "/m/reports", "document", IncidentRoles::reportsByPhone),
			new Entry("nav.myTasks", "/m/tasks", "tasks", IncidentRoles::holdsTasks),
			new Entry("nav.emergencyMine", "/m/emergency", "whistle", EmergencyLifecycle::mayBeCalled),
			new Entry("nav.topics", "/topics", "talk", DeliberationRoles::readsTopicsAtDesk),
			new Entry("nav.deliberationMeetings", "/deliberation-meetings", "agenda",
					DeliberationRoles::followsMeetings),
			new Entry("deliberation.meetings.signInTitle", "/m/meeting-sign-in", "sign-in",
					DeliberationRoles::takesPartAsHousehold),
			new Entry("nav.volunteer", "/m/volunteer", "hand", VolunteerRoles::takesPart),
			new Entry("nav.servicepoints", "/servicepoints", "house", ServicePointRoles::mayOpenPoints),
			new Entry("nav.errands", "/m/errands", "house", ServicePointRoles::runsErrands,
					List.of("/m/errands", "/m/rooms")),
			new Entry("nav.propertyDesk", "/property", "property", PropertyRoles::mayOpenDesk),
			new Entry("nav.propertyInspection", "/m/property", "checklist", PropertyRoles::mayInspect),
			new Entry("nav.fees", "/m/fees", "fees", SelfRunRoles::keepsBooks),
			new Entry("nav.points", "/points", "medal", PointsRoles::mayOpenDesk),
			new Entry("nav.myPoints", "/m/points", "medal", PointsRoles::earns),
			new Entry("nav.pointsConfirm", "/m/points/confirm", "medal", PointsRoles::confirmsRedemptions),
			new Entry("nav.topics", "/m/topics", "talk", DeliberationRoles::takesPartAsHousehold),
			new Entry("nav.accounts", "/accounts", "accounts", GrantRules::mayManageAccounts),
			new Entry("nav.keys", "/admin/keys", "audit", PlatformRoles::mayRotateKeys),
			new Entry("nav.audit", "/audit", "audit", PlatformRoles::mayReadAuditTrail));

	/** Every signed-in person's own pages, and the API's documents for those who use the API. */
	static final List<Entry> ACCOUNT = List.of(
			new Entry("nav.password", "/account/password", "password", actor -> true),
			new Entry("nav.sessions", "/account/sessions", "sessions", actor -> true),
			new Entry("nav.calendar", "/account/calendar", "calendar", actor -> true),
			new Entry("nav.apiDocs", "/api/docs", "api", PlatformRoles::usesApi));

	private Navigation() {
	}

	/** The auditor alone has no workbench: his work is the audit trail, where {@code /} sends him. */
	static boolean hasWorkbench(Actor actor) {
		return !actor.roles().equals(Set.of(Role.AUDITOR));
	}

	static Menu of(Actor actor, String path) {
		List<Entry> main = MAIN.stream().filter(entry -> entry.rule().test(actor)).toList();
		List<Entry> account = ACCOUNT.stream().filter(entry -> entry.rule().test(actor)).toList();
		Entry active = java.util.stream.Stream.concat(main.stream(), account.stream())
			.filter(entry -> match(entry, path) > 0)
			.max(java.util.Comparator.comparingInt(entry -> match(entry, path)))
			.orElse(null);
		return new Menu(links(main, active), links(account, active));
	}

	private static List<Link> links(List<Entry> entries, Entry active) {
		return entries.stream().map(e -> new Link(e.label(), e.href(), e.icon(), e == active)).toList();
	}

	/** How closely the entry stands for the path: the length of its longest path that the path is or lies under. */
	private static int match(Entry entry, String path) {
		int best = 0;
		for (String own : entry.paths()) {
			boolean matches = own.equals("/") ? path.equals("/")
					: path.equals(own) || path.startsWith(own + "/");
			if (matches && own.length() > best) {
				best = own.length();
			}
		}
		return best;
	}
}
