package org.zhizhi.territory;

/**
 * A post in a grid's 1+3+N team: the grid leader (the "1"), the three grid workers (the "3") and the support forces
 * (the "N": community police, property, water, power and gas staff, riders, volunteers, others).
 */
public enum TeamPosition {

	GRID_LEADER, FULL_TIME, PART_TIME, INSTRUCTOR, POLICE, PROPERTY, WATER, POWER, GAS, RIDER, VOLUNTEER, OTHER;

	public boolean isSupportForce() {
		return ordinal() > INSTRUCTOR.ordinal();
	}
}
