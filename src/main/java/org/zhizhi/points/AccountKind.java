package org.zhizhi.points;

/**
 * Who holds points: a person, a team, a sponsor (paid on redemption), the scheme's pool (which issues every point
 * earned and takes back what lapses) and the scheme's held points (redemptions waiting for the sponsor's confirmation).
 */
public enum AccountKind {
	PERSON, TEAM, SPONSOR, POOL, HELD
}
