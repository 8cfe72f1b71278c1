package org.zhizhi.command;

/**
 * Someone of the area's forces the whistle could not tell: he holds his post (a 党员示范岗, a 志愿岗位, a duty on the
 * rosters) but has no account to be told on a phone — the board names him (未开通账号) so that the desk telephones him,
 * rather than dropping him silently.
 */
public record EmergencyUnreachable(String name, EmergencyForce force, String post) {
}
