package org.zhizhi.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.party.DutyRosters;
import org.zhizhi.party.OnDuty;
import org.zhizhi.party.PostHolder;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.Installation;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.volunteer.VolunteerPost;
import org.zhizhi.volunteer.VolunteerPosts;

/**
 * Who an emergency whistle calls: first, if chosen, the party members on duty in its grids at the moment it is blown
 * (the rosters of 党员示范岗 and 责任区 in {@code party}: those standing at their posts there, by the post they hold),
 * then the members on the rosters of the 党员示范岗 covering its grids whatever their shift, and the holders of the
 * 志愿岗位 ({@code volunteer}) at the area's places — a grid, a micro-grid inside one, the community a grid belongs to.
 * A post's person without an account cannot be told on a phone: he is named apart ({@link EmergencyUnreachable}), for
 * the desk's telephone. For each other force chosen, the enabled accounts of its role that belong to the area —
 * bound to one of its grids, to a micro-grid inside one, or to the community a grid belongs to (a community's party
 * members are bound there); a partner unit's liaison also when bound to the grid's street, since a unit such as the
 * street's law-enforcement team or power station answers for the whole street. Never those bound to the district or
 * above: they lead, they are not the forces on the ground. A person holding two forces' roles is called once, under the
 * first force chosen.
 */
@Component
class EmergencyForces {

	/** A person to call and the post he is called in (his grid or community, and his grid position). */
	record Called(UUID accountId, String name, EmergencyForce force, String post) {
	}

	private static final Map<EmergencyForce, Role> ROLE = Map.of(EmergencyForce.GRID_TEAM, Role.GRID_WORKER,
			EmergencyForce.PARTY_MEMBERS, Role.PARTY_MEMBER, EmergencyForce.PARTNER_UNITS, Role.PARTNER_LIAISON);

	/** The length of the post a callee is recorded with (command.emergency_callee.post). */
	private static final int POST_LENGTH = 100;

	private final AccountQueries accounts;

	private final OrgUnitQueries orgUnits;

	private final Installation installation;

	private final MessageSource messages;

	private final DutyRosters duty;

	private final VolunteerPosts volunteerPosts;

	EmergencyForces(AccountQueries accounts, OrgUnitQueries orgUnits, Installation installation,
			MessageSource messages, DutyRosters duty, VolunteerPosts volunteerPosts) {
		this.duty = duty;
		this.volunteerPosts = volunteerPosts;
		this.accounts = accounts;
		this.orgUnits = orgUnits;
		this.installation = installation;
		this.messages = messages;
	}

	/** Whom a whistle calls and tells, and whom of its forces it cannot tell (no account). */
	record Roll(List<Called> called, List<EmergencyUnreachable> unreachable) {
	}

	/**
	 * Everyone to call for these forces over these grids, in the order of the forces given, each once; and those of
	 * the posts without an account, each once, unless he is called anyway.
	 */
	Roll of(DataScope scope, Collection<OrgUnit> grids, List<EmergencyForce> forces, UUID leader, Instant at) {
		Map<UUID, Called> called = new LinkedHashMap<>();
		// keyed by the person the post names (member or holder), so that one member on two posts is named once
		Map<UUID, EmergencyUnreachable> unreachable = new LinkedHashMap<>();
		Map<UUID, String> nodeNames = new HashMap<>();
		List<UUID> gridIds = grids.stream().map(OrgUnit::id).toList();
		for (EmergencyForce force : forces) {
			switch (force) {
				case ON_DUTY -> {
					for (OnDuty member : duty.onDuty(scope, gridIds, at)) {
						add(called, unreachable, leader, member.memberId(), member.accountId(), member.memberName(),
								force, member.postName() + " · " + member.gridName());
					}
				}
				case MODEL_POSTS -> {
					for (PostHolder member : duty.modelPostHolders(scope, gridIds, at)) {
						add(called, unreachable, leader, member.memberId(), member.accountId(), member.memberName(),
								force, member.postName() + " · " + member.gridName());
					}
				}
				case VOLUNTEER_POSTS -> {
					for (VolunteerPost post : volunteerPosts.heldAt(scope, grids.stream().map(OrgUnit::path).toList(),
							grids.stream().map(g -> parent(g.path())).distinct().toList())) {
						// a post claimed on the phone names its holder's account; one of the paper records names a
						// person without one
						UUID account = accounts.find(installation.whole(), post.holderId())
							.filter(Account::enabled)
							.map(Account::id)
							.orElse(null);
						add(called, unreachable, leader, post.holderId(), account, post.holderName(), force,
								messages.getMessage("volunteer.postKind." + post.kind(), null, post.kind().name(),
										Locale.SIMPLIFIED_CHINESE) + " · " + post.orgUnitName());
					}
				}
				default -> {
					List<Account> found = onTheGround(scope, grids, ROLE.get(force)).stream()
						.filter(account -> !account.id().equals(leader) && !called.containsKey(account.id()))
						.toList();
					nameNodes(found, nodeNames);
					for (Account account : found) {
						called.put(account.id(), new Called(account.id(), account.displayName(), force, post(account,
								nodeNames)));
					}
				}
			}
		}
		return new Roll(new ArrayList<>(called.values()), new ArrayList<>(unreachable.values()));
	}

	private static void add(Map<UUID, Called> called, Map<UUID, EmergencyUnreachable> unreachable, UUID leader,
			UUID person, UUID account, String name, EmergencyForce force, String postLine) {
		// a post's name and its grid's together may outgrow the record's column: shortened, never refused
		String post = postLine.length() <= POST_LENGTH ? postLine : postLine.substring(0, POST_LENGTH - 1) + "…";
		if (account == null) {
			unreachable.putIfAbsent(person, new EmergencyUnreachable(name, force, post));
		}
		else if (!account.equals(leader)) {
			called.putIfAbsent(account, new Called(account, name, force, post));
		}
	}

	/**
	 * The accounts of the role that belong to the grids, grid after grid: those whose scope covers a grid down to its
	 * community (its street for a partner unit's liaison), then those bound below it (its micro-grids' members). Two
	 * statements whatever the number of grids — the form's preview asks at every corner drawn, once per force.
	 */
	private List<Account> onTheGround(DataScope scope, Collection<OrgUnit> grids, Role role) {
		Map<UUID, Account> found = new LinkedHashMap<>();
		List<String> paths = grids.stream().map(OrgUnit::path).toList();
		Map<String, List<Account>> covering = accounts.coveringEach(paths, Set.of(role));
		Map<String, List<Account>> below = accounts.belowEach(scope, paths, Set.of(role));
		for (OrgUnit grid : grids) {
			String nearest = parent(role == Role.PARTNER_LIAISON ? parent(grid.path()) : grid.path());
			covering.getOrDefault(grid.path(), List.of())
				.stream()
				.filter(a -> a.scopePath().length() >= nearest.length())
				.forEach(a -> found.putIfAbsent(a.id(), a));
			below.getOrDefault(grid.path(), List.of()).forEach(a -> found.putIfAbsent(a.id(), a));
		}
		return new ArrayList<>(found.values());
	}

	/** The path of a node's parent: {@code /a/b/c/} → {@code /a/b/}. */
	static String parent(String path) {
		return path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
	}

	/**
	 * The names of the nodes the accounts are bound to that are not known yet, in one query: the preview asks at every
	 * corner drawn, and a node at a time was a statement per grid. Looked up over the whole installation, as a street's
	 * units are bound above a community leader's scope.
	 */
	private void nameNodes(List<Account> found, Map<UUID, String> nodeNames) {
		Set<UUID> unknown = found.stream()
			.map(Account::orgUnitId)
			.filter(id -> id != null && !nodeNames.containsKey(id))
			.collect(Collectors.toSet());
		if (!unknown.isEmpty()) {
			nodeNames.putAll(orgUnits.names(installation.whole(), unknown));
		}
	}

	private String post(Account account, Map<UUID, String> nodeNames) {
		String node = account.orgUnitId() == null ? "" : nodeNames.getOrDefault(account.orgUnitId(), "");
		return account.gridPosition() == null ? node
				: node + " " + messages.getMessage("gridPosition." + account.gridPosition(), null,
						Locale.SIMPLIFIED_CHINESE);
	}
}
