package org.zhizhi.deliberation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An estate's self-governance as its desk and its residents see it: the bodies with their members and terms, the
 * conventions with their adopted text and any draft under deliberation, and the 四个一 checklist — one proposal letter,
 * one supervision team, one self-governance convention, one residents' consultation.
 */
public record EstateGovernance(UUID estateId, String estateName, List<Body> bodies, List<Convention> conventions,
		FourOnes fourOnes) {

	public record Body(UUID id, BodyKind kind, String name, LocalDate termStart, LocalDate termEnd, boolean active,
			List<Member> members) {
	}

	public record Member(UUID id, String name, String role, boolean partyMember, String buildingName,
			LocalDate joinedOn, LocalDate leftOn) {
	}

	/** A convention: its adopted text (null before the first adoption) and the draft being deliberated, if any. */
	public record Convention(UUID id, ConventionKind kind, String title, Integer adoptedVersion, String adoptedText,
			Instant adoptedAt, UUID draftTopicId) {
	}

	/** 四个一: what exists of the four. */
	public record FourOnes(boolean proposalLetter, boolean supervisionTeam, boolean convention, boolean consultation) {

		public boolean complete() {
			return proposalLetter && supervisionTeam && convention && consultation;
		}
	}
}
