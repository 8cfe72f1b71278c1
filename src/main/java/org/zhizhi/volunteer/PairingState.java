package org.zhizhi.volunteer;

/** A pairing runs until the desk ends it (the person moved, passed away, no longer needs it; the helper left). */
public enum PairingState {
	ACTIVE, ENDED
}
