package org.zhizhi.partnership.persistence;

import java.util.UUID;

import org.zhizhi.shared.DataScope;

/** A community's partnership board: its public code and where it sits, remembered with its first partnership record. */
public record Board(UUID communityId, String code, String name, String path, UUID districtId) {

	/**
	 * The community's own node as a scope: everything of this board and nothing of another community's. For reads
	 * made for the board itself (its public page, a row just written to it) rather than for a signed-in user.
	 */
	public DataScope scope() {
		return new DataScope(communityId, path);
	}
}
