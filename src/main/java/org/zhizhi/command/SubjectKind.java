package org.zhizhi.command;

/** What an alert is about: the thing a rule measured (its id is the alert's subject). */
public enum SubjectKind {
	ESTATE, GRID, BUILDING, COMPANY, PAIRING, PARTY_ORG
}
