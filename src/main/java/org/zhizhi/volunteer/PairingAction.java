package org.zhizhi.volunteer;

/** What is done to a pairing: a visit logged by its helper; its end, by the desk. */
public enum PairingAction {
	VISIT, END
}
