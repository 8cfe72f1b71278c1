package org.zhizhi.incident;

/** How an incident entered: patrol, 随手拍, 随手报, 微孝热线, 圈群上报, 12345 hand-over, a meeting, an Open311 client. */
public enum Channel {
	PATROL, RESIDENT_APP, RIDER, HOTLINE, GROUP_CHAT, HOTLINE_12345, MEETING, OPEN311
}
