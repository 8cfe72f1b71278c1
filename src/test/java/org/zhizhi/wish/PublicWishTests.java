package org.zhizhi.wish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What the public wall calls a taker: only a team or unit the community recorded by name is named in full. */
class PublicWishTests {

	private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

	@Test
	void aPersonIsMaskedWhateverKindHisTakeWasRecordedAs() {
		UUID account = UUID.randomUUID();
		assertThat(PublicWish.publicName(new Taker(account, "刘党员", TakerKind.MEMBER, account, NOW))).isEqualTo("刘**");
		// a partner unit's liaison takes under his own account: recorded as UNIT, but it is his own name
		assertThat(PublicWish.publicName(new Taker(account, "王建国", TakerKind.UNIT, account, NOW))).isEqualTo("王**");
		assertThat(PublicWish.publicName(new Taker(account, "王建国", TakerKind.TEAM, account, NOW))).isEqualTo("王**");
	}

	@Test
	void aTeamOrUnitTheCommunityRecordedByNameIsNamedInFull() {
		UUID staff = UUID.randomUUID();
		assertThat(PublicWish.publicName(Taker.recordedByName(TakerKind.UNIT, "木洞小学", staff, NOW))).isEqualTo("木洞小学");
		assertThat(PublicWish.publicName(Taker.recordedByName(TakerKind.TEAM, "巾帼志愿服务队", staff, NOW)))
			.isEqualTo("巾帼志愿服务队");
		// a recorded id under another name is not the community's record of that name
		Taker forged = new Taker(Taker.recordedId(TakerKind.UNIT, "木洞小学"), "王建国", TakerKind.UNIT, staff, NOW);
		assertThat(PublicWish.publicName(forged)).isEqualTo("王**");
	}

	@Test
	void aPartnerUnitItsLiaisonTookItForIsNamedInFull() {
		UUID liaison = UUID.randomUUID();
		UUID unit = UUID.randomUUID();
		assertThat(PublicWish.publicName(new Taker(unit, "木洞小学", TakerKind.UNIT, liaison, NOW))).isEqualTo("木洞小学");
		// a team is never one by id: only the community records a team
		assertThat(PublicWish.publicName(new Taker(unit, "王建国", TakerKind.TEAM, liaison, NOW))).isEqualTo("王**");
	}
}
