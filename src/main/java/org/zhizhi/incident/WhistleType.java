package org.zhizhi.incident;

public enum WhistleType {
	QUICK, EMERGENCY, TOUGH
}
