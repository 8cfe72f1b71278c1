package org.zhizhi.party;

import java.util.UUID;

/**
 * A member on the roster of an open 党员示范岗 covering a grid, whatever his shift at the moment: the post's people,
 * whom an emergency in that grid calls besides those on duty now. {@code accountId} is null when he has no account.
 */
public record PostHolder(UUID memberId, String memberName, UUID accountId, UUID postId, String postName,
		UUID gridId, String gridName) {
}
