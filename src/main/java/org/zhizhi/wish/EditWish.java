package org.zhizhi.wish;

import java.time.LocalDate;

import org.hibernate.validator.constraints.Range;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/**
 * The community's edit while vetting (or before publishing again): every field left null keeps its value; a field it
 * names is shaped as when posted (a title or description sent blank is refused as missing, the command's rule).
 */
public record EditWish(@TextLength(min = 2, max = 60, message = WishInput.LENGTH) String title,
		@TextLength(min = 2, max = 1000, message = WishInput.LENGTH) String description, WishCategory category,
		@TextLength(max = 40, message = WishInput.LENGTH) String publicLabel, @PlausibleDate LocalDate dueOn,
		@Range(min = 1, max = WishInput.MAX_TAKERS, message = "{wish.maxTakersRange}") Integer maxTakers) {
}
