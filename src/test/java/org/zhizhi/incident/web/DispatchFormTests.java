package org.zhizhi.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.incident.AssignIncident;
import org.zhizhi.incident.CoUnitTask;
import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.WhistleType;

/** The desk's dispatch form as the domain's command, and the domain's field problems back beside the form's rows. */
class DispatchFormTests {

	private static final UUID MEMBER = UUID.randomUUID();

	private static final UUID LEAD = UUID.randomUUID();

	private static final UUID CO = UUID.randomUUID();

	@Test
	void aToughWhistleGoesToItsLeadUnitWhateverTheRadioSaidAndOnlyTheRowsFilledInAreSent() {
		DispatchForm form = DispatchForm.posted(WhistleType.TOUGH, "MEMBER", MEMBER, LEAD, "主办",
				List.of("", CO.toString(), "not-a-unit"), List.of("", "协办", ""), "备注");

		AssignIncident command = form.command(false);

		assertThat(command.mode()).isEqualTo(DispatchMode.ASSIGN);
		assertThat(command.assigneeId()).isNull();
		assertThat(command.unitId()).isEqualTo(LEAD);
		assertThat(command.task()).isEqualTo("主办");
		// the third row named no valid unit and no task: a row left empty is not sent
		assertThat(command.coUnits()).containsExactly(new CoUnitTask(CO, "协办"));
		assertThat(form.coUnits()).hasSize(DispatchForm.CO_UNIT_ROWS);
	}

	@Test
	void aMemberChosenLeavesTheUnitLeftInTheHiddenSelectUnsent() {
		AssignIncident command = DispatchForm.posted(WhistleType.QUICK, "MEMBER", MEMBER, LEAD, "x", null, null, "")
			.command(false);

		assertThat(command.assigneeId()).isEqualTo(MEMBER);
		assertThat(command.unitId()).isNull();
		assertThat(command.task()).isNull();
		assertThat(command.coUnits()).isEmpty();
	}

	@Test
	void assigningWithNothingChosenIsTheSameMistakeAsAnOpenCall() {
		assertThat(DispatchForm.empty().command(true).mode()).isEqualTo(DispatchMode.OPEN_CALL);
		assertThat(DispatchForm.empty().command(false).mode()).isNull();
		assertThat(DispatchForm.posted(null, "ROUND_ROBIN", null, null, "", null, null, "").command(true).mode())
			.isEqualTo(DispatchMode.ROUND_ROBIN);
	}

	@Test
	void aProblemOfTheNthRowSentStandsBesideTheRowItCameFromAndOneTargetBesideTheSelectChosen() {
		DispatchForm unit = DispatchForm.posted(WhistleType.TOUGH, "UNIT", null, LEAD, "主办",
				List.of("", "", CO.toString()), List.of("", "", "协办"), "");

		assertThat(unit.fieldOf().apply("coUnits[0].task")).isEqualTo("coUnits[2].task");
		assertThat(unit.fieldOf().apply("coUnits[0]")).isEqualTo("coUnits[2]");
		assertThat(unit.fieldOf().apply("assigneeId")).isEqualTo("unitId");
		assertThat(unit.fieldOf().apply("note")).isEqualTo("note");

		DispatchForm member = DispatchForm.posted(WhistleType.QUICK, "MEMBER", MEMBER, LEAD, "", null, null, "");
		assertThat(member.fieldOf().apply("unitId")).isEqualTo("assigneeId");
	}
}
