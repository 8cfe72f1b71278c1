package org.zhizhi.command.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** 参谋 counts units over the alert's community: the fourth node of /city/district/street/community/…, or less. */
class AdvisorTests {

	@Test
	void theAreaOfAnAlertIsItsCommunityOrTheNodeItselfWhenHigher() {
		UUID city = UUID.randomUUID();
		UUID district = UUID.randomUUID();
		UUID street = UUID.randomUUID();
		UUID community = UUID.randomUUID();
		UUID grid = UUID.randomUUID();
		String communityPath = "/" + city + "/" + district + "/" + street + "/" + community + "/";
		assertThat(Advisor.community(communityPath + grid + "/").path()).isEqualTo(communityPath);
		assertThat(Advisor.community(communityPath + grid + "/").orgUnitId()).isEqualTo(community);
		assertThat(Advisor.community(communityPath).path()).isEqualTo(communityPath);
		String streetPath = "/" + city + "/" + district + "/" + street + "/";
		assertThat(Advisor.community(streetPath).orgUnitId()).isEqualTo(street);
	}
}
