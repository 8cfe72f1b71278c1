package org.zhizhi.partnership;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.SqlObjectNames;

/**
 * 共驻共建's objects by the names the desk shows, for the audit trail: joint meetings by title, their decisions by
 * their wording, partner units by name, list items (and the pledges on them) by title. A unit serves a street or a
 * community above the asker's own node, so a unit is named when it is inside his scope or he is inside its.
 */
@Component
class PartnershipObjectNames extends SqlObjectNames {

	PartnershipObjectNames(JdbcClient jdbc) {
		super(jdbc, """
				SELECT id, 'jointMeeting' AS kind, title AS name FROM partnership.joint_meeting
				 WHERE id = ANY(:ids) AND community_path LIKE :scope
				UNION ALL
				SELECT id, 'decision', text FROM partnership.joint_meeting_decision
				 WHERE id = ANY(:ids) AND community_path LIKE :scope
				UNION ALL
				SELECT id, 'partner', name FROM partnership.partner_unit
				 WHERE id = ANY(:ids) AND (scope_path LIKE :scope OR starts_with(:path, scope_path))
				UNION ALL
				SELECT id, 'listItem', title FROM partnership.list_item
				 WHERE id = ANY(:ids) AND scope_path LIKE :scope
				UNION ALL
				SELECT c.id, 'pledge', i.title FROM partnership.claim c JOIN partnership.list_item i ON i.id = c.item_id
				 WHERE c.id = ANY(:ids) AND i.scope_path LIKE :scope""");
	}

	@Override
	public Map<UUID, ObjectName> namesOf(Set<UUID> ids, DataScope scope) {
		Map<UUID, ObjectName> names = super.namesOf(ids, scope);
		names.replaceAll((id, named) -> new ObjectName(named.kind(), shortened(named.name())));
		return names;
	}

	/** A decision's wording can run long: the trail names it by its beginning. */
	private static String shortened(String name) {
		return name.length() <= 60 ? name : name.substring(0, 59) + "…";
	}
}
