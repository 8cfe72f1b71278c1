package org.zhizhi.command.sentinel.detect;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.SubjectKind;
import org.zhizhi.command.sentinel.Detector;
import org.zhizhi.command.sentinel.Fact;
import org.zhizhi.party.BranchMeetingQueries;
import org.zhizhi.party.RhythmStatus;
import org.zhizhi.shared.DataScope;

/**
 * Per party organisation of the district behind its rhythm of 三会一课 and 主题党日: how many of its meeting formats
 * are behind, and which — the party module's own answer ({@link BranchMeetingQueries#behindIn}), the one its 三会一课
 * page flags. The window is not used: each format has its own period.
 */
@Component
class MeetingsBehind implements Detector {

	private final BranchMeetingQueries meetings;

	private final MessageSource messages;

	MeetingsBehind(BranchMeetingQueries meetings, MessageSource messages) {
		this.meetings = meetings;
		this.messages = messages;
	}

	@Override
	public RuleKind kind() {
		return RuleKind.MEETINGS_BEHIND;
	}

	@Override
	public List<Fact> facts(DataScope district, int windowDays, Instant now) {
		return meetings.behindIn(district).stream().map(org -> {
			List<RhythmStatus> behind = org.kinds().stream().filter(RhythmStatus::behind).toList();
			String formats = behind.stream()
				.map(k -> messages.getMessage("branchMeetingKind." + k.kind(), null, k.kind().name(),
						java.util.Locale.SIMPLIFIED_CHINESE))
				.collect(Collectors.joining("、"));
			return new Fact(SubjectKind.PARTY_ORG, org.orgId(), org.orgName() + "（" + formats + "）", org.scopePath(),
					null, null, behind.size(), EvidenceKind.PARTY_ORG, List.of(org.orgId()), null);
		}).toList();
	}
}
