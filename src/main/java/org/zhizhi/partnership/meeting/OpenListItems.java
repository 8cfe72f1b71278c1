package org.zhizhi.partnership.meeting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The open items of a community's three lists, as the agenda offers them. The partners core implements it (a bean of
 * this type); until it does, agendas take list items by id with the title the caller gives, unchecked.
 */
public interface OpenListItems {

	record ListItemRef(UUID id, String title, String list) {
	}

	/** The open items (needs, resources, projects) of the community, most recent first. */
	List<ListItemRef> openOf(UUID communityId);

	/** One open item of the community; empty if it is not one (or not open). */
	Optional<ListItemRef> openItem(UUID communityId, UUID itemId);
}
