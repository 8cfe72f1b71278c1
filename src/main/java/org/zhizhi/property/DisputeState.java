package org.zhizhi.property;

/** Open while the parties mediate; settled by an agreement; referred on when none is reached; closed once kept. */
public enum DisputeState {
	OPEN, SETTLED, REFERRED, CLOSED
}
