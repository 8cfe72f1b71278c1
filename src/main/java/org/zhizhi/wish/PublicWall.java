package org.zhizhi.wish;

import java.util.List;

/** The wish wall of one community as anyone may see it, without a login and without personal data. */
public record PublicWall(String communityCode, String communityName, List<PublicWish> open,
		List<PublicWish> fulfilled, long openCount, long fulfilledCount) {

	public PublicWall {
		open = List.copyOf(open);
		fulfilled = List.copyOf(fulfilled);
	}
}
