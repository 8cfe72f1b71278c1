package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;

/** The channel follows from who reports (issue 11.10): residents could store PATROL or HOTLINE_12345 as given. */
class ReportChannelsTests {

	@ParameterizedTest
	@EnumSource(Channel.class)
	void aResidentOrAMemberReportsThroughTheAppOrAsARiderOnly(Channel channel) {
		boolean expected = channel == Channel.RESIDENT_APP || channel == Channel.RIDER;
		assertThat(ReportChannels.allows(actor(Role.RESIDENT), channel)).isEqualTo(expected);
		assertThat(ReportChannels.allows(actor(Role.PARTY_MEMBER), channel)).isEqualTo(expected);
		assertThat(ReportChannels.allows(actor(Role.PARTNER_LIAISON), channel)).isEqualTo(expected);
	}

	@ParameterizedTest
	@EnumSource(Channel.class)
	void staffRecordWhatReachedThemButNeverNameOpen311(Channel channel) {
		assertThat(ReportChannels.allows(actor(Role.GRID_WORKER), channel)).isEqualTo(channel != Channel.OPEN311);
		assertThat(ReportChannels.allows(actor(Role.COMMUNITY_STAFF), channel)).isEqualTo(channel != Channel.OPEN311);
	}

	@Test
	void anAbsentChannelIsLeftToTheShapeCheck() {
		assertThat(ReportChannels.allows(actor(Role.RESIDENT), null)).isTrue();
	}

	/** The report page offers what the domain allows and nothing else: a screen never decides on its own. */
	@ParameterizedTest
	@EnumSource(Role.class)
	void thePageOffersExactlyWhatTheReportWillAccept(Role role) {
		Actor actor = actor(role);
		assertThat(ReportChannels.offeredTo(actor)).allSatisfy(c -> assertThat(ReportChannels.allows(actor, c)).isTrue());
		assertThat(ReportChannels.chosenBy(actor, Channel.OPEN311)).isEqualTo(ReportChannels.offeredTo(actor).getFirst());
	}

	@Test
	void staffChooseAmongTheirChannelsPatrolFirstAndOthersReportThroughTheApp() {
		assertThat(ReportChannels.offeredTo(actor(Role.GRID_WORKER))).containsExactly(Channel.PATROL, Channel.HOTLINE,
				Channel.HOTLINE_12345, Channel.GROUP_CHAT, Channel.MEETING);
		assertThat(ReportChannels.chosenBy(actor(Role.COMMUNITY_STAFF), Channel.HOTLINE_12345))
			.isEqualTo(Channel.HOTLINE_12345);
		assertThat(ReportChannels.chosenBy(actor(Role.RESIDENT), Channel.PATROL)).isEqualTo(Channel.RESIDENT_APP);
	}

	private static Actor actor(Role role) {
		return new Actor(UUID.randomUUID(), "someone", "某人", Set.of(role), new DataScope(UUID.randomUUID(), "/1/"));
	}
}
