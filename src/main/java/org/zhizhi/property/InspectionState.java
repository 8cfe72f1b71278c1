package org.zhizhi.property;

/** An inspection is open on site until the inspector submits it (or cancels it, started by mistake). */
public enum InspectionState {
	OPEN, SUBMITTED, CANCELLED
}
