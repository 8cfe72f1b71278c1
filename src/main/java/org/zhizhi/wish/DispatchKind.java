package org.zhizhi.wish;

/**
 * Whom the community dispatches a wish to (社区派单): a named member (or liaison) account, a volunteer team or a unit by
 * name — the team or unit's take is recorded by the community on its behalf.
 */
public enum DispatchKind {
	MEMBER, TEAM, UNIT
}
