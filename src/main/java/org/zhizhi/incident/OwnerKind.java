package org.zhizhi.incident;

/** What kind of owner an incident has at a moment: an org unit (its tier), a member, or a responding unit. */
public enum OwnerKind {
	ORG_UNIT, MEMBER, UNIT
}
