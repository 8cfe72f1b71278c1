package org.zhizhi.partnership;

/** What can be done to a yearly agreement once drafted ({@link AgreementLifecycle}); drafting creates it. */
public enum AgreementAction {
	/** Signed, with the signed document and the day. */
	SIGN
}
