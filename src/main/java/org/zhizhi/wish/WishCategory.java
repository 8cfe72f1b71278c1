package org.zhizhi.wish;

/** What kind of help a wish asks for; the wall groups and filters by it. */
public enum WishCategory {
	GOODS, STUDY, CARE, REPAIR, COMPANY, OTHER
}
