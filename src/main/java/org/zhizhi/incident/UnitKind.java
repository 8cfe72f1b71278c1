package org.zhizhi.incident;

/** The kinds of unit that answer a whistle (单位应哨). */
public enum UnitKind {
	GOVERNMENT_DEPARTMENT, PROPERTY_COMPANY, PARTNER_UNIT, UTILITY
}
