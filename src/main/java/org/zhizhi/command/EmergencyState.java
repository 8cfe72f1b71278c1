package org.zhizhi.command;

/** CALLING while the forces are being called and come; STOOD_DOWN (解除) once the leader ends it with a summary. */
public enum EmergencyState {
	CALLING, STOOD_DOWN
}
