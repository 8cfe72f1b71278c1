package org.zhizhi.deliberation;

/** Self-governance bodies of an estate: 自治管理小组, 楼委会, 议事会, 监事会, 业委会, and the building guardians (守护楼员). */
public enum BodyKind {
	SELF_MANAGEMENT_GROUP, BUILDING_COMMITTEE, COUNCIL, SUPERVISORY, OWNERS_COMMITTEE, GUARDIANS
}
