package org.zhizhi.command.sentinel;

import java.time.Instant;
import java.util.UUID;

import org.zhizhi.command.RuleKind;
import org.zhizhi.shared.Role;

/**
 * One of a district's rules: a kind of condition with its threshold, its window, the role that owns what it raises
 * and the hours it gives him. Data, edited by the district's admin; the sentinel reads it at every pass.
 */
public record Rule(UUID id, UUID districtId, RuleKind kind, int threshold, int windowDays, Role ownerRole,
		int handleWithinHours, boolean enabled, Instant updatedAt, String updatedByName, int version) {

	/** Who a rule made with the defaults was written by; pages say 系统默认 in the reader's language. */
	public static final String SYSTEM = "system";

	/** A district's rule of a kind as it starts: the kind's defaults, enabled. */
	public static Rule defaults(UUID id, UUID districtId, RuleKind kind, Instant at) {
		return new Rule(id, districtId, kind, kind.defaultThreshold(), kind.defaultWindowDays(), kind.defaultOwner(),
				kind.defaultHandleWithinHours(), true, at, SYSTEM, 0);
	}

	/** Whether the fact meets this rule: its measure against the threshold, as the kind compares them. */
	public boolean firesOn(Fact fact) {
		return enabled && fact.subjectKind() == kind.subject() && kind.comparison().meets(fact.measure(), threshold);
	}

	/** When an alert raised at {@code at} is late. */
	public Instant dueAfter(Instant at) {
		return at.plusSeconds(handleWithinHours * 3600L);
	}
}
