package org.zhizhi.party;

/** What a duty post is: a member's public post (党员示范岗) or a zone he answers for (党员责任区). */
public enum DutyPostKind {
	MODEL_POST, DUTY_ZONE
}
