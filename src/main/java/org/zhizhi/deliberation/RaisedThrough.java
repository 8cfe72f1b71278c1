package org.zhizhi.deliberation;

/**
 * How a matter reached the platform: a resident on his phone; a grid worker relaying a building's group chat or a
 * door-to-door visit; a meeting; an incident triaged as a public matter (三事分流 公事 → 转议事).
 */
public enum RaisedThrough {
	RESIDENT_APP, GROUP_CHAT, VISIT, MEETING, INCIDENT
}
