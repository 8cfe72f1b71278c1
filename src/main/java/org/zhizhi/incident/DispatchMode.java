package org.zhizhi.incident;

/** How a whistle reaches its handler: 指派 to a named member or unit, 抢单 open call to the grid's party members, or 轮派 round-robin among them. */
public enum DispatchMode {
	ASSIGN, OPEN_CALL, ROUND_ROBIN
}
