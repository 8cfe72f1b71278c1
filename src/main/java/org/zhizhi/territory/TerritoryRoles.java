package org.zhizhi.territory;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/**
 * Who works with the territory's pages: the tree, the grid map and the register of estates and buildings are the
 * staff's tools. Residents have their own pages (their reports, wishes, topics) and the public pages of their estate;
 * the tree with its counts is not for them. The security admin, who binds accounts to nodes, reads the tree and the
 * map but not the estates (they name building heads).
 */
public final class TerritoryRoles {

	/** The business roles that work in the territory: everyone who governs it, not those who live in it. */
	public static final Set<Role> PLACE_READERS;

	/** The place readers and the security admin. */
	public static final Set<Role> TREE_READERS;

	static {
		EnumSet<Role> places = EnumSet.copyOf(Role.BUSINESS);
		places.remove(Role.RESIDENT);
		PLACE_READERS = Collections.unmodifiableSet(places);
		EnumSet<Role> tree = EnumSet.copyOf(places);
		tree.add(Role.SECURITY_ADMIN);
		TREE_READERS = Collections.unmodifiableSet(tree);
	}

	private TerritoryRoles() {
	}

	/** The tree and the grid map ({@code /territory}, {@code /territory/map}). */
	public static boolean mayReadTree(Actor actor) {
		return actor != null && actor.hasAny(TREE_READERS);
	}

	/** The estates and buildings ({@code /territory/estates}, {@code /territory/buildings}). */
	public static boolean mayReadPlaces(Actor actor) {
		return actor != null && actor.hasAny(PLACE_READERS);
	}
}
