package org.zhizhi.shared;

import java.time.Instant;
import java.util.List;

/**
 * What waits for a person in one module: the reports he is to accept, the orders he holds, the bills he collects.
 * Each module answers for its own work with its own rules and scope; the workbench (工作台) asks every module and
 * shows the answers as one to-do list, most urgent and oldest first — so the workbench never knows the modules and a
 * module never knows the workbench.
 */
public interface WaitingWork {

	/** The kinds of work waiting for the actor here, each with its total and its most urgent items (at most limit). */
	List<Waiting> waitingFor(Actor actor, Instant now, int limit);

	/**
	 * One kind of waiting work: its name (a message key), how many in all, the list that holds them all, and the
	 * first few.
	 */
	record Waiting(String kindKey, long total, String listHref, List<Item> items) {

		public Waiting {
			items = List.copyOf(items);
		}
	}

	/**
	 * One thing to do, one tap from its action.
	 *
	 * @param title what it is (e.g. the incident's category and description)
	 * @param where where or for whom (a grid, a building, a resident's masked name), or null
	 * @param since since when it waits, or null where that says nothing (a community behind its year's quota)
	 * @param due its deadline, or null
	 * @param urgent past its deadline, or carded, or otherwise first in line
	 * @param href the page where the action is taken
	 * @param actionKey the action's message key (e.g. 去受理)
	 */
	record Item(String title, String where, Instant since, Instant due, boolean urgent, String href, String actionKey) {
	}
}
