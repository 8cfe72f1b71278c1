package org.zhizhi.volunteer;

/**
 * The steps of a participation: the person cancels, checks in and out; the platform promotes the first one waiting
 * when a place frees; the organiser approves the hours or marks him absent; an approved record is corrected only
 * through a request the organiser accepts. SIGN_UP makes it.
 */
public enum ParticipationAction {
	SIGN_UP, CANCEL, PROMOTE, CHECK_IN, CHECK_OUT, APPROVE, MARK_ABSENT, CORRECT
}
