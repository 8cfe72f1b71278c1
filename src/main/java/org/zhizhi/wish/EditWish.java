package org.zhizhi.wish;

import java.time.LocalDate;

/** The community's edit while vetting (or before publishing again): every field left null keeps its value. */
public record EditWish(String title, String description, WishCategory category, String publicLabel, LocalDate dueOn,
		Integer maxTakers) {
}
