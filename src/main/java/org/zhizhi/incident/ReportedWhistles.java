package org.zhizhi.incident;

import java.util.Map;

/**
 * The incidents of a scope reported in a period, by the whistle they were blown with, and how many of them are overdue
 * now (the desk's 超时未办结 rule: not closed and past their resolution deadline) and were urged with a yellow or a red
 * card: what a month's report tells of the whistle.
 *
 * @param byType per whistle type, those whistled with it; every type is present (0 when none)
 * @param notWhistled those not (yet) whistled: taken care of at the grid, refused, or still waiting
 */
public record ReportedWhistles(long reported, Map<WhistleType, Long> byType, long notWhistled, long overdue,
		long yellowCarded, long redCarded) {
}
