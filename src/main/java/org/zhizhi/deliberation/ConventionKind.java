package org.zhizhi.deliberation;

/** A residents' convention (公约), the rules of a body (《小区议事会制度》《楼委会职责》…), or a proposal letter (倡议书). */
public enum ConventionKind {
	CONVENTION, RULES, PROPOSAL
}
