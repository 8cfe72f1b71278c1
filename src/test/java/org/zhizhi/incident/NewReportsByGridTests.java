package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.incident.NewReportsByGrid.NewReport;
import org.zhizhi.incident.NewReportsByGrid.Told;

class NewReportsByGridTests {

	private final UUID grid7 = UUID.randomUUID();

	private final UUID grid8 = UUID.randomUUID();

	private final UUID worker7 = UUID.randomUUID();

	private final UUID worker8 = UUID.randomUUID();

	private final UUID microGridWorker = UUID.randomUUID();

	private final UUID communityStaff = UUID.randomUUID();

	@Test
	void severalReportsInOneGridTellEachOfItsPeopleOnceWithAllOfThem() {
		UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID();

		List<Told> told = NewReportsByGrid.group(List.of(report(grid7, a, worker7, communityStaff),
				report(grid7, b, worker7, communityStaff), report(grid7, c, worker7, communityStaff)));

		assertThat(told).singleElement().satisfies(notice -> {
			assertThat(notice.gridId()).isEqualTo(grid7);
			assertThat(notice.incidentIds()).containsExactly(a, b, c);
			assertThat(notice.recipients()).containsExactlyInAnyOrder(worker7, communityStaff);
			assertThat(notice.single()).isFalse();
		});
	}

	@Test
	void reportsSpreadOverGridsAreToldOncePerGrid() {
		UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID();

		List<Told> told = NewReportsByGrid.group(List.of(report(grid7, a, worker7, communityStaff),
				report(grid8, b, worker8, communityStaff), report(grid7, c, worker7, communityStaff),
				report(grid8, d, worker8, communityStaff)));

		assertThat(told).extracting(Told::gridId).containsExactly(grid7, grid8);
		assertThat(told.get(0).incidentIds()).containsExactly(a, c);
		assertThat(told.get(1).incidentIds()).containsExactly(b, d);
		assertThat(told).filteredOn(t -> t.recipients().contains(communityStaff))
			.as("the community's staff covers both grids: one notice per grid")
			.hasSize(2);
	}

	@Test
	void aReportAloneInItsGridIsToldAsItWasWithItsOwnRecipients() {
		UUID a = UUID.randomUUID(), b = UUID.randomUUID();

		List<Told> told = NewReportsByGrid.group(List.of(report(grid7, a, worker7, communityStaff),
				report(grid8, b, worker8)));

		assertThat(told).containsExactly(new Told(grid7, List.of(a), Set.of(worker7, communityStaff)),
				new Told(grid8, List.of(b), Set.of(worker8)));
		assertThat(told).allMatch(Told::single);
	}

	@Test
	void everyRecipientIsToldOfExactlyTheReportsHeWouldHaveBeenToldOfOneByOne() {
		// a micro-grid's worker is told only of the report in his micro-grid; the reporter of b is not told of b
		UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID();

		List<Told> told = NewReportsByGrid.group(List.of(report(grid7, a, worker7, communityStaff, microGridWorker),
				report(grid7, b, worker7), report(grid7, c, worker7, communityStaff)));

		assertThat(told).containsExactlyInAnyOrder(new Told(grid7, List.of(a, b, c), Set.of(worker7)),
				new Told(grid7, List.of(a, c), Set.of(communityStaff)), new Told(grid7, List.of(a), Set.of(microGridWorker)));
	}

	@Test
	void aReportNobodyIsToldOfMakesNoNotice() {
		assertThat(NewReportsByGrid.group(List.of(report(grid7, UUID.randomUUID())))).isEmpty();
	}

	private static NewReport report(UUID grid, UUID incident, UUID... recipients) {
		return new NewReport(grid, incident, Set.of(recipients));
	}
}
