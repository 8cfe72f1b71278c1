package org.zhizhi.property;

/**
 * How the party reaches a company (两个全覆盖): its own party organisation; or, where it does not qualify yet, a
 * party instructor (党建指导员) sent to it, or party members it employs; or not yet at all.
 */
public enum PartyOrg {
	OWN_BRANCH, INSTRUCTOR, MEMBER_STAFF, NONE
}
