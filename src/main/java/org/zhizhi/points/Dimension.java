package org.zhizhi.points;

/** The virtue bank's four dimensions (003): 修身 oneself, 润家 the family, 睦邻 the neighbours, 怡城 the city. */
public enum Dimension {
	SELF, FAMILY, NEIGHBOURS, CITY
}
