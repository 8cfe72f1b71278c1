package org.zhizhi.incident;

public enum RejectReason {
	DUPLICATE, INVALID, NOT_OURS
}
