package org.zhizhi.citylink;

/** The city platforms that hand orders over: the 12345 citizen hotline and Chongqing's 141 system's tasks. */
public enum OrderSource {
	HOTLINE_12345, TASK_141
}
