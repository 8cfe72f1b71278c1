package org.zhizhi.volunteer;

/** Whom a pairing looks after: an elder living alone (空巢独居), a family in difficulty, a disabled person, another. */
public enum PairingNeed {
	ELDER_ALONE, FAMILY_IN_NEED, DISABLED, OTHER
}
