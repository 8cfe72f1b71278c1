package org.zhizhi.servicepoint;

/**
 * The kinds of service point: 党群服务中心 (CENTER), 党群服务站 (STATION), 党群服务点 (POINT), 驿站 (POST, e.g. 金银桥's
 * 四心驿站), 养老服务站 (ELDER_CARE), 新时代文明实践站 (CIVILISATION), a property company's service station (PROPERTY).
 */
public enum PointKind {
	CENTER, STATION, POINT, POST, ELDER_CARE, CIVILISATION, PROPERTY
}
