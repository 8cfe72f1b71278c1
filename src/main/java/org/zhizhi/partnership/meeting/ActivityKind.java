package org.zhizhi.partnership.meeting;

/** The joint activities ("X" of 1+4+X): 共过主题党日, 共上党课, 共同研学, 资源共享. */
public enum ActivityKind {
	THEME_PARTY_DAY, PARTY_LESSON, JOINT_STUDY, RESOURCE_SHARING
}
