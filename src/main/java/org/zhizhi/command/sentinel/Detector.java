package org.zhizhi.command.sentinel;

import java.time.Instant;
import java.util.List;

import org.zhizhi.command.RuleKind;
import org.zhizhi.shared.DataScope;

/**
 * Reads the facts of one kind of rule from the module that holds them, through its public queries: one fact per
 * subject with something to measure in the window. It does not judge them — the rule does — so the rule's condition is
 * testable over given facts, and a detector over real data.
 */
public interface Detector {

	RuleKind kind();

	/** The facts of the district's scope, measured over the {@code windowDays} before {@code now}. */
	List<Fact> facts(DataScope district, int windowDays, Instant now);
}
