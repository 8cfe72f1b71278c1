package org.zhizhi.property;

/** A household's bill of a month: open until paid, or exempted by the self-run body (困难户, vacant dwelling …). */
public enum FeeBillState {
	OPEN, PAID, EXEMPT
}
