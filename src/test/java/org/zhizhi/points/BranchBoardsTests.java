package org.zhizhi.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.party.MemberGender;
import org.zhizhi.party.MemberKind;
import org.zhizhi.party.MemberStatus;
import org.zhizhi.party.PartyLevel;
import org.zhizhi.party.PartyMember;
import org.zhizhi.party.PartyOrg;
import org.zhizhi.party.PlaceKind;

/** Whom a branch's own board ranks, without Spring. */
class BranchBoardsTests {

	private static final UUID COMMITTEE = UUID.randomUUID();

	private static final UUID BRANCH = UUID.randomUUID();

	private static final UUID GROUP = UUID.randomUUID();

	private static final UUID SUBGROUP = UUID.randomUUID();

	private static final UUID OTHER_BRANCH = UUID.randomUUID();

	@Test
	void theBoardRanksTheActiveMembersOfTheBranchAndEverythingBelowIt() {
		List<PartyOrg> orgs = List.of(org(COMMITTEE, null, PartyLevel.COMMITTEE), org(BRANCH, COMMITTEE, PartyLevel.BRANCH),
				org(GROUP, BRANCH, PartyLevel.GROUP), org(SUBGROUP, GROUP, PartyLevel.GROUP),
				org(OTHER_BRANCH, COMMITTEE, PartyLevel.BRANCH));
		UUID account = UUID.randomUUID();
		PartyMember withAccount = member(GROUP, MemberKind.REGULAR, MemberStatus.ACTIVE, account);
		PartyMember paperFile = member(BRANCH, MemberKind.IN_SERVICE, MemberStatus.ACTIVE, null);
		PartyMember incoming = member(SUBGROUP, MemberKind.INCOMING, MemberStatus.ACTIVE, null);
		PartyMember activist = member(BRANCH, MemberKind.ACTIVIST, MemberStatus.ACTIVE, null);
		PartyMember applicant = member(GROUP, MemberKind.APPLICANT, MemberStatus.ACTIVE, UUID.randomUUID());
		PartyMember gone = member(BRANCH, MemberKind.REGULAR, MemberStatus.TRANSFERRED_OUT, UUID.randomUUID());
		PartyMember elsewhere = member(OTHER_BRANCH, MemberKind.REGULAR, MemberStatus.ACTIVE, UUID.randomUUID());
		PartyMember above = member(COMMITTEE, MemberKind.REGULAR, MemberStatus.ACTIVE, UUID.randomUUID());
		Map<UUID, List<PartyMember>> rosters = Map.of(COMMITTEE, List.of(above), BRANCH,
				List.of(paperFile, activist, gone), GROUP, List.of(withAccount, applicant), SUBGROUP, List.of(incoming),
				OTHER_BRANCH, List.of(elsewhere));

		assertThat(BranchBoards.holders(BRANCH, orgs, org -> rosters.getOrDefault(org, List.of())))
			.as("by account when linked, else by member id; no activist, applicant, former or other branch's member")
			.containsExactlyInAnyOrder(account, paperFile.id(), incoming.id());
		assertThat(BranchBoards.holders(GROUP, orgs, org -> rosters.getOrDefault(org, List.of())))
			.containsExactlyInAnyOrder(account, incoming.id());
	}

	private static PartyOrg org(UUID id, UUID parent, PartyLevel level) {
		return new PartyOrg(id, parent, "党组织", level, false, false, PlaceKind.COMMUNITY, UUID.randomUUID(), "金银桥社区",
				null, null, "/cq/banan/", 0, 0);
	}

	private static PartyMember member(UUID org, MemberKind kind, MemberStatus status, UUID account) {
		return new PartyMember(UUID.randomUUID(), org, "党组织", "王党员", MemberGender.MALE, LocalDate.of(2001, 7, 1),
				status, kind, null, null, null, null, account);
	}
}
