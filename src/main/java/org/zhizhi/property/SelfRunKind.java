package org.zhizhi.property;

/** 居民自管小组 (the residents run it themselves), or a community's non-profit 社区自管中心. */
public enum SelfRunKind {
	GROUP, CENTRE
}
