package org.zhizhi.command;

/** What the ids an alert links to are: the records its rule counted. */
public enum EvidenceKind {
	INCIDENT, DISPUTE, INSPECTION, FEE_BILL, PAIRING, PARTY_ORG, NONE
}
