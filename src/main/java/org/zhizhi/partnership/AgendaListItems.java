package org.zhizhi.partnership;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.partnership.meeting.OpenListItems;
import org.zhizhi.partnership.persistence.JdbcListItems;
import org.zhizhi.shared.DataScope;

/**
 * The items of a community's three lists that a joint meeting may still do something about: those open to claims and
 * those fully claimed but not yet completed (未完成) — completed and withdrawn ones are done with. The meeting service
 * has already checked that its meeting lies in the caller's scope; the items are that meeting's community's, read within
 * the same scope like every read of the lists.
 */
@Component
@Transactional(readOnly = true)
class AgendaListItems implements OpenListItems {

	/** How many items an agenda offers. */
	static final int LIMIT = 100;

	private final JdbcListItems items;

	AgendaListItems(JdbcListItems items) {
		this.items = items;
	}

	@Override
	public List<ListItemRef> openOf(DataScope scope, UUID communityId) {
		return items.unfinishedItems(scope, communityId, null, LIMIT).stream().map(AgendaListItems::ref).toList();
	}

	@Override
	public Optional<ListItemRef> openItem(DataScope scope, UUID communityId, UUID itemId) {
		if (communityId == null || itemId == null) {
			return Optional.empty();
		}
		return items.unfinishedItems(scope, communityId, itemId, 1).stream().findFirst().map(AgendaListItems::ref);
	}

	/** {@code list} is the kind of list: NEED, RESOURCE or PROJECT. */
	private static ListItemRef ref(ListItem item) {
		return new ListItemRef(item.id(), item.title(), item.kind().name());
	}
}
