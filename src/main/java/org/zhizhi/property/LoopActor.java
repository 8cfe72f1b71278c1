package org.zhizhi.property;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;

/**
 * Who the property module is in the whistle loop. A rectification is the inspector's order, but the loop's dispatching
 * and verifying belong to the community's roles, which an inspector of 环物小组 does not hold: the module takes those
 * steps itself — as the overdue sweep does, a non-person the timeline names 环物小组 — within the estate's district,
 * and only for the incidents of its own orders.
 */
final class LoopActor {

	static final UUID ID = new UUID(0, 0x70726f70L);

	private LoopActor() {
	}

	static Actor of(String scopePath, MessageSource messages) {
		String[] parts = scopePath.split("/");
		String districtPath = parts.length > 2 ? "/" + parts[1] + "/" + parts[2] + "/" : scopePath;
		return new Actor(ID, "property", messages.getMessage("property.loopActor", null, Locale.SIMPLIFIED_CHINESE),
				Set.of(Role.SYSTEM_ADMIN, Role.COMMUNITY_STAFF),
				new DataScope(DataScope.districtOf(scopePath), districtPath));
	}
}
