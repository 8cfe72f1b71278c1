package org.zhizhi.command;

/**
 * Whom an emergency whistle calls in its area: the party members on duty there now (党员示范岗 and 责任区 rosters), the
 * grids' teams (网格长, full- and part-time grid workers), the party members of the area's grids and communities, and
 * the liaisons of the partner units that serve them.
 */
public enum EmergencyForce {
	ON_DUTY, GRID_TEAM, PARTY_MEMBERS, PARTNER_UNITS
}
