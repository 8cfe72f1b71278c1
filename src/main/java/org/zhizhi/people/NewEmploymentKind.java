package org.zhizhi.people;

/** The new-employment groups (新就业群体) the tag NEW_EMPLOYMENT names. */
public enum NewEmploymentKind {
	RIDER, COURIER, RIDE_HAILING
}
