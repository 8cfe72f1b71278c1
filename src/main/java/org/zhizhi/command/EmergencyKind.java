package org.zhizhi.command;

/** What the emergency is: 汛情 flood, 火情 fire, 走失 a missing person (an elder, a child), 地灾 landslide, other. */
public enum EmergencyKind {
	FLOOD, FIRE, MISSING_PERSON, GEOLOGICAL, OTHER
}
