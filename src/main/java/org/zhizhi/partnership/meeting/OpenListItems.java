package org.zhizhi.partnership.meeting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhizhi.shared.DataScope;

/**
 * The open (unfinished) items of a community's three lists, as the agenda offers them. The partners core implements
 * it ({@code org.zhizhi.partnership.AgendaListItems}); an agenda takes a list item only when this names it.
 */
public interface OpenListItems {

	/** @param list which of the three lists: NEED, RESOURCE or PROJECT */
	record ListItemRef(UUID id, String title, String list) {
	}

	/** The open items (needs, resources, projects) of the community, most recent first. */
	List<ListItemRef> openOf(DataScope scope, UUID communityId);

	/** One open item of the community; empty if it is not one (or not open). */
	Optional<ListItemRef> openItem(DataScope scope, UUID communityId, UUID itemId);
}
