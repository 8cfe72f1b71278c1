package org.zhizhi.command;

/**
 * Whom an emergency whistle calls in its area, in the order a person holding two of them is called under: the party
 * members on duty there now (党员示范岗 and 责任区 rosters), the members holding a 党员示范岗 there whatever their shift,
 * the grids' teams (网格长, full- and part-time grid workers), the party members of the area's grids and communities,
 * the volunteers holding a 志愿岗位 at the area's places, and the liaisons of the partner units that serve them.
 */
public enum EmergencyForce {
	ON_DUTY, MODEL_POSTS, GRID_TEAM, PARTY_MEMBERS, VOLUNTEER_POSTS, PARTNER_UNITS
}
