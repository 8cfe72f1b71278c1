package org.zhizhi.property;

/** A seat on an owners' committee (业委会): 主任, 副主任, 委员. */
public enum CommitteePosition {
	CHAIR, VICE_CHAIR, MEMBER
}
