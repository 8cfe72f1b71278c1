package org.zhizhi.territory;

/** What sort of estate (小区) it is; its governance differs with it. */
public enum EstateKind {

	/** 物管小区: run by a property company. */
	COMMERCIAL,
	/** 安置房: resettlement housing. */
	RESETTLEMENT,
	/** 公租房: public rental housing. */
	PUBLIC_RENTAL,
	/** 老旧小区: old estate, usually without a property company. */
	OLD,
	/** 家属区: staff quarters of a works or an agency. */
	STAFF_QUARTERS,
	/** 散居楼栋: scattered single buildings. */
	SCATTERED
}
