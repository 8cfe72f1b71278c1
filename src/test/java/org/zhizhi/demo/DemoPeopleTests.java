package org.zhizhi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhizhi.demo.DemoPeople.EstatePeople;
import org.zhizhi.demo.DemoPeople.Household;
import org.zhizhi.people.Gender;
import org.zhizhi.people.LedgerRole;
import org.zhizhi.people.NewEmploymentKind;
import org.zhizhi.people.PeopleViews.BulkResident;
import org.zhizhi.people.PersonalData;
import org.zhizhi.people.Relation;
import org.zhizhi.people.ResidentTag;

/** The demo people: the seeds' figures, valid and unique ID numbers, and the same people on every start. */
class DemoPeopleTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	/** Dwellings per estate as DemoPlaces plans them. */
	static final Map<String, Integer> DWELLINGS = Map.of("东城公租房", 4993, "钱佳花园", 1159, "新河街", 380, "走马二村", 842,
			"华城国际", 641, "龙锦公寓", 60);

	@Test
	void everyEstateHasTheSeedsHouseholdsAndResidents() {
		Map<String, List<Household>> all = generate(TODAY);
		assertFigures(all.get("东城公租房"), 4993, 11940);
		assertFigures(all.get("钱佳花园"), 1159, 2213);
		assertFigures(all.get("新河街"), 380, 769);
		assertFigures(all.get("走马二村"), 318, 732);
		assertFigures(all.get("华城国际"), 641, 1563);
		// 99% of 东城's residents are not registered there: 50 registered households with 119 residents
		List<Household> dongcheng = all.get("东城公租房");
		assertThat(dongcheng.stream().filter(Household::registered).count()).isEqualTo(50);
		assertThat(members(dongcheng.stream().filter(Household::registered).toList())).hasSize(119);
		assertThat(members(dongcheng).stream().filter(r -> r.tags().contains(ResidentTag.FLOATING)).count())
			.isEqualTo(11821);
		assertThat(dongcheng.stream().map(Household::dwelling).distinct().count()).isEqualTo(4993);
	}

	@Test
	void overThirtyPercentOfXinheStreetAreSixtyOrOlder() {
		List<BulkResident> xinhe = members(generate(TODAY).get("新河街"));
		long elders = xinhe.stream().filter(r -> age(r) >= 60).count();
		assertThat(elders * 100.0 / xinhe.size()).isGreaterThan(30.0);
	}

	@Test
	void theWorkersOfLongjinAreNewEmploymentWithTheirLedgerRoles() {
		List<BulkResident> workers = members(generate(TODAY).get("龙锦公寓"));
		assertThat(workers).hasSize(110)
			.allMatch(w -> w.tags().contains(ResidentTag.NEW_EMPLOYMENT) && w.newEmploymentKind() != null);
		assertThat(workers.stream().filter(w -> w.ledgerRoles().contains(LedgerRole.PIONEER_RIDER)).count())
			.isEqualTo(32);
		assertThat(workers.stream().filter(w -> w.tags().contains(ResidentTag.PARTY_MEMBER)).count()).isEqualTo(10);
		assertThat(workers.stream().filter(w -> w.newEmploymentKind() == NewEmploymentKind.RIDER).count())
			.isEqualTo(62);
	}

	@Test
	void idNumbersAreValidUniqueAndMatchGenderAndArea() {
		Set<String> seen = new HashSet<>();
		for (Map.Entry<String, List<Household>> estate : generate(TODAY).entrySet()) {
			for (Household household : estate.getValue()) {
				assertThat(household.members().stream().filter(r -> r.relation() == Relation.HEAD)).hasSize(1);
				for (BulkResident r : household.members()) {
					String id = r.idCardNumber();
					assertThat(PersonalData.isValidIdCard(id, TODAY)).as(id).isTrue();
					assertThat(seen.add(id)).as("unique %s", id).isTrue();
					assertThat(id).startsWith("500");
					assertThat(Integer.parseInt(id.substring(14, 17))).isLessThan(500);
					assertThat((id.charAt(16) - '0') % 2 == 1).isEqualTo(r.gender() == Gender.MALE);
					if (household.registered()) {
						assertThat(id).startsWith(estate.getKey().equals("华城国际") ? "500108" : "500113");
					}
					assertThat(r.name().length()).isBetween(2, 3);
					if (r.phone() != null) {
						assertThat(PersonalData.isValidMobile(r.phone())).isTrue();
						assertThat(r.phone()).startsWith("1700");
					}
					int age = age(r);
					assertThat(r.tags().contains(ResidentTag.AGED_80_PLUS)).isEqualTo(age >= 80);
					assertThat(r.tags().contains(ResidentTag.CHILD)).isEqualTo(age < 14);
					if (r.tags().contains(ResidentTag.ELDER_ALONE)) {
						assertThat(household.members()).hasSize(1);
						assertThat(age).isGreaterThanOrEqualTo(60);
					}
				}
			}
		}
	}

	@Test
	void theSameSeedGivesTheSamePeople() {
		List<BulkResident> first = members(generate(TODAY).values().stream().flatMap(List::stream).toList());
		List<BulkResident> second = members(
				generate(TODAY.plusDays(3)).values().stream().flatMap(List::stream).toList());
		assertThat(second).hasSameSizeAs(first);
		for (int i = 0; i < first.size(); i++) {
			assertThat(second.get(i).name()).isEqualTo(first.get(i).name());
			assertThat(second.get(i).idCardNumber()).isEqualTo(first.get(i).idCardNumber());
			assertThat(second.get(i).phone()).isEqualTo(first.get(i).phone());
		}
		assertThat(first.get(0).name()).isEqualTo(members(generate(TODAY).get("东城公租房")).get(0).name());
	}

	/** The estates in the loader's order, each with its households. */
	static Map<String, List<Household>> generate(LocalDate today) {
		DemoPeople generator = new DemoPeople(today);
		Map<String, List<Household>> all = new LinkedHashMap<>();
		for (EstatePeople plan : DemoPeople.ESTATES) {
			all.put(plan.estate(), generator.householdsOf(plan, DWELLINGS.get(plan.estate())));
		}
		all.put(DemoPeople.WORKERS_ESTATE, generator.workers(DWELLINGS.get(DemoPeople.WORKERS_ESTATE)));
		return all;
	}

	private static void assertFigures(List<Household> households, int count, int residents) {
		assertThat(households).hasSize(count);
		assertThat(members(households)).hasSize(residents);
	}

	private static List<BulkResident> members(List<Household> households) {
		List<BulkResident> members = new ArrayList<>();
		households.forEach(h -> members.addAll(h.members()));
		return members;
	}

	private static int age(BulkResident r) {
		return (int) ChronoUnit.YEARS.between(PersonalData.birthDateOf(r.idCardNumber()), TODAY);
	}
}
