package org.zhizhi.incident;

/** 三事分流: PUBLIC 大事 for a department, COMMUNITY 小事 for self-governance, PRIVATE 私事 for the residents. */
public enum Triage {
	PUBLIC, COMMUNITY, PRIVATE
}
