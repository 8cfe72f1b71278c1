package org.zhizhi.command.sentinel;

import java.util.List;
import java.util.UUID;

import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.SubjectKind;

/**
 * What a detector found about one subject: its measure (a count, a share in percent, points dropped, days) and the
 * records it counted. Whether it raises an alert is the rule's to say ({@link Rule#firesOn}).
 *
 * @param scopePath where the subject lies (an alert of it is seen by the desks whose scope covers it)
 * @param categoryCode the incidents' most frequent category, where the facts are incidents (for the adviser)
 */
public record Fact(SubjectKind subjectKind, UUID subjectId, String subjectName, String scopePath, UUID gridId,
		UUID estateId, int measure, EvidenceKind evidenceKind, List<UUID> evidenceIds, String categoryCode) {

	public Fact {
		evidenceIds = List.copyOf(evidenceIds);
	}
}
