package org.zhizhi.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.zhizhi.people.Gender;
import org.zhizhi.people.LedgerRole;
import org.zhizhi.people.NewEmploymentKind;
import org.zhizhi.people.PeopleViews.BulkResident;
import org.zhizhi.people.PersonalData;
import org.zhizhi.people.Relation;
import org.zhizhi.people.ResidentTag;
import org.zhizhi.people.Tenure;

/**
 * The households and residents of the demo estates, generated from a fixed seed so that every start (and every test)
 * sees the same people: the seeds' figures exactly, Chinese names from common surnames and given-name characters,
 * ages shaped per estate (新河街 is old), fictitious ID numbers with Chongqing area codes, valid birth dates and GB 11643
 * check digits, and mobile numbers in the 1700 range. Pure: the loader places the result in the estates' dwellings.
 */
final class DemoPeople {

	static final long SEED = 20261123L;

	/** Birth dates are fixed against this day, so that the people do not change with the day of the first start. */
	static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);

	/** 巴南区 and 南岸区: the home area of registered residents. */
	static final String BANAN = "500113";

	static final String NANAN = "500108";

	/** Other Chongqing districts and counties, where the non-registered (流动人口) come from. */
	private static final String[] ELSEWHERE = { "500101", "500102", "500103", "500104", "500105", "500106", "500107",
			"500110", "500112", "500115", "500116", "500117", "500118", "500120", "500151", "500152", "500153",
			"500154", "500155", "500156" };

	/** Common surnames, the commonest first: drawn with weights falling along the string (冉 and 但 are local). */
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
			+ "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
			+ "武戴莫孔向汤冉但";

	/** Given-name characters; none makes a name another test searches for (春梅 cannot occur). */
	private static final String MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆建国文志兵林峰海东亮成川渝江洪德福"
			+ "春荣永庆华祥云龙利兴贵才中顺";

	private static final String FEMALE = "芳娟敏静丽艳娜燕霞玲桂英秀兰琴婷雪慧红梅莉萍琳颖倩佳怡欣蓉菊珍凤洁霞玉晶"
			+ "露瑶雯欢丹";

	/** A part of an estate's households: how many, with how many residents exactly, registered there or not. */
	record Segment(int households, int residents, boolean registered) {
	}

	/**
	 * One estate's people: its segments, where its registered residents come from, the share of households headed by
	 * someone of 60 or more, how many own their dwelling, and the years they moved in.
	 */
	record EstatePeople(String estate, String homeArea, List<Segment> segments, double elderHeads, double owners,
			int movedInFrom) {

		int households() {
			return segments.stream().mapToInt(Segment::households).sum();
		}

		int residents() {
			return segments.stream().mapToInt(Segment::residents).sum();
		}
	}

	/**
	 * The seeds' figures. 东城公租房: 4,993 households, 11,940 residents, 99% non-registered (50 registered households
	 * with 119 residents). 走马二村 has 842 dwellings but 732 residents: 318 households, the rest stand empty.
	 * 华城国际's residents are not in the seeds: 1,563 (2.4 a household).
	 */
	static final List<EstatePeople> ESTATES = List.of(
			new EstatePeople("东城公租房", BANAN, List.of(new Segment(50, 119, true), new Segment(4943, 11821, false)),
					0.12, 0.0, 2016),
			new EstatePeople("钱佳花园", BANAN, List.of(new Segment(1090, 2086, true), new Segment(69, 127, false)),
					0.30, 0.95, 2012),
			new EstatePeople("新河街", BANAN, List.of(new Segment(330, 671, true), new Segment(50, 98, false)), 0.42,
					0.70, 1995),
			new EstatePeople("走马二村", BANAN, List.of(new Segment(290, 671, true), new Segment(28, 61, false)), 0.45,
					0.85, 1990),
			new EstatePeople("华城国际", NANAN, List.of(new Segment(420, 1032, true), new Segment(221, 531, false)), 0.10,
					0.75, 2010));

	/** 龙锦公寓: 110 new-employment workers, two to a rented flat; 32 pioneer riders, 10 party members. */
	static final String WORKERS_ESTATE = "龙锦公寓";

	static final int WORKERS = 110;

	static final int PIONEER_RIDERS = 32;

	static final int PARTY_MEMBERS = 10;

	static final int VOLUNTEERS = 18;

	static final int PART_TIME_GRID_WORKERS = 6;

	/** Riders, couriers, ride-hailing drivers. */
	static final int[] KINDS = { 62, 33, 15 };

	/** A generated household: which of the estate's dwellings (by index in label order) and its members. */
	record Household(int dwelling, boolean registered, Tenure tenure, LocalDate movedIn, List<BulkResident> members) {
	}

	private final Random random;

	private final LocalDate today;

	private final Set<String> idCards = new HashSet<>();

	private int phones;

	/** {@code today} decides only the tags that follow from age (儿童, 80岁以上); the people stay the same. */
	DemoPeople(LocalDate today) {
		this.random = new Random(SEED);
		this.today = today;
	}

	/**
	 * The households of one planned estate over its {@code dwellings} (by index in the estate's order), sorted by
	 * dwelling; call it for the estates in the order of {@link #ESTATES}, then {@link #workers}, to get the same people.
	 */
	List<Household> householdsOf(EstatePeople plan, int dwellings) {
		if (dwellings < plan.households()) {
			throw new IllegalStateException(plan.estate() + " has " + dwellings + " dwellings for "
					+ plan.households() + " households");
		}
		List<Integer> places = new ArrayList<>();
		for (int i = 0; i < dwellings; i++) {
			places.add(i);
		}
		Collections.shuffle(places, random);
		List<Household> households = new ArrayList<>();
		int next = 0;
		for (Segment segment : plan.segments()) {
			for (int size : sizes(segment.households(), segment.residents())) {
				Tenure tenure = random.nextDouble() < plan.owners() ? Tenure.OWNER : Tenure.RENTER;
				LocalDate movedIn = LocalDate.of(plan.movedInFrom(), 1, 1)
					.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(LocalDate.of(plan.movedInFrom(), 1, 1),
							REFERENCE.minusDays(30))));
				String area = segment.registered() ? plan.homeArea() : ELSEWHERE[random.nextInt(ELSEWHERE.length)];
				households.add(new Household(places.get(next++), segment.registered(), tenure, movedIn,
						family(size, plan.elderHeads(), area, !segment.registered())));
			}
		}
		households.sort(java.util.Comparator.comparingInt(Household::dwelling));
		return households;
	}

	/** The riders, couriers and drivers of 龙锦社区, two to a rented flat, with their ledger roles. */
	List<Household> workers(int dwellings) {
		List<NewEmploymentKind> kinds = new ArrayList<>();
		for (NewEmploymentKind kind : NewEmploymentKind.values()) {
			kinds.addAll(Collections.nCopies(KINDS[kind.ordinal()], kind));
		}
		List<BulkResident> workers = new ArrayList<>();
		int riders = 0;
		for (int i = 0; i < WORKERS; i++) {
			NewEmploymentKind kind = kinds.get(i);
			Gender gender = random.nextDouble() < (kind == NewEmploymentKind.COURIER ? 0.8 : 0.9) ? Gender.MALE
					: Gender.FEMALE;
			LocalDate birth = birthAt(20 + random.nextInt(26));
			Set<ResidentTag> tags = EnumSet.of(ResidentTag.NEW_EMPLOYMENT, ResidentTag.FLOATING);
			List<LedgerRole> roles = new ArrayList<>();
			// the first riders and couriers are the pioneer riders (先锋骑手); ten of them are party members
			if (kind != NewEmploymentKind.RIDE_HAILING && riders < PIONEER_RIDERS) {
				roles.add(LedgerRole.PIONEER_RIDER);
				if (riders < PARTY_MEMBERS) {
					tags.add(ResidentTag.PARTY_MEMBER);
				}
				riders++;
			}
			if (i % 6 == 1 && countRole(workers, LedgerRole.VOLUNTEER) < VOLUNTEERS) {
				roles.add(LedgerRole.VOLUNTEER);
			}
			else if (i % 17 == 5 && countRole(workers, LedgerRole.PART_TIME_GRID_WORKER) < PART_TIME_GRID_WORKERS) {
				roles.add(LedgerRole.PART_TIME_GRID_WORKER);
			}
			workers.add(new BulkResident(name(gender, surname()), gender,
					idCard(ELSEWHERE[random.nextInt(ELSEWHERE.length)], birth, gender), phone(),
					i % 2 == 0 ? Relation.HEAD : Relation.OTHER, tags, kind, roles));
		}
		if (dwellings < WORKERS / 2) {
			throw new IllegalStateException(WORKERS_ESTATE + " has too few dwellings: " + dwellings);
		}
		List<Household> households = new ArrayList<>();
		for (int i = 0; i < WORKERS / 2; i++) {
			LocalDate movedIn = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000));
			households.add(new Household(i, false, Tenure.RENTER, movedIn, workers.subList(2 * i, 2 * i + 2)));
		}
		return households;
	}

	private static long countRole(List<BulkResident> workers, LedgerRole role) {
		return workers.stream().filter(w -> w.ledgerRoles().contains(role)).count();
	}

	/** {@code households} sizes from 1 to 6 that add up to {@code residents} exactly. */
	List<Integer> sizes(int households, int residents) {
		if (residents < households || residents > 6 * households) {
			throw new IllegalArgumentException(households + " households cannot hold " + residents);
		}
		int[] sizes = new int[households];
		java.util.Arrays.fill(sizes, 1);
		for (int extra = residents - households; extra > 0;) {
			int h = random.nextInt(households);
			if (sizes[h] < 6) {
				sizes[h]++;
				extra--;
			}
		}
		List<Integer> list = new ArrayList<>(households);
		for (int size : sizes) {
			list.add(size);
		}
		return list;
	}

	/** A family of {@code size}: head, spouse, then children, grandchildren or a parent as the head's age allows. */
	List<BulkResident> family(int size, double elderHeads, String area, boolean floating) {
		int headAge = random.nextDouble() < elderHeads ? 60 + Math.min(35, (int) Math.abs(random.nextGaussian() * 11))
				: 24 + random.nextInt(36);
		Gender headGender = size > 1 ? (random.nextDouble() < 0.65 ? Gender.MALE : Gender.FEMALE)
				: (random.nextBoolean() ? Gender.MALE : Gender.FEMALE);
		String family = surname();
		List<Person> people = new ArrayList<>();
		people.add(new Person(headGender, headAge, Relation.HEAD, headGender == Gender.MALE ? family : surname()));
		if (size > 1) {
			Gender other = headGender == Gender.MALE ? Gender.FEMALE : Gender.MALE;
			int age = Math.max(20, headAge + random.nextInt(7) - 3);
			people.add(new Person(other, age, Relation.SPOUSE, other == Gender.MALE ? family : surname()));
		}
		int eldestChild = -1;
		for (int k = 2; k < size; k++) {
			Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
			if (headAge < 50) {
				if (k == 4 && headAge + 27 < 90) {
					people.add(new Person(gender, headAge + 25 + random.nextInt(6), Relation.PARENT, family));
				}
				else {
					people.add(new Person(gender, random.nextInt(Math.max(1, Math.min(headAge - 22, 24))),
							Relation.CHILD, family));
				}
			}
			else if (eldestChild < 0) {
				eldestChild = Math.max(18, headAge - 24 - random.nextInt(8));
				people.add(new Person(gender, eldestChild, Relation.CHILD, family));
			}
			else if (headAge < 60 && k == 4 && headAge + 27 < 92) {
				people.add(new Person(gender, headAge + 24 + random.nextInt(6), Relation.PARENT, family));
			}
			else {
				people.add(new Person(gender, random.nextInt(Math.max(1, Math.min(eldestChild - 20, 16))),
						Relation.GRANDCHILD, family));
			}
		}
		List<BulkResident> members = new ArrayList<>(size);
		for (Person person : people) {
			LocalDate birth = birthAt(person.age());
			int age = (int) ChronoUnit.YEARS.between(birth, today);
			Set<ResidentTag> tags = EnumSet.noneOf(ResidentTag.class);
			if (floating) {
				tags.add(ResidentTag.FLOATING);
			}
			if (age < 14) {
				tags.add(ResidentTag.CHILD);
			}
			if (age >= 80) {
				tags.add(ResidentTag.AGED_80_PLUS);
			}
			if (size == 1 && age >= 60) {
				tags.add(ResidentTag.ELDER_ALONE);
			}
			// decided on the age at the reference day, so that the draws (and the people) do not depend on today
			double draw = random.nextDouble();
			boolean hasPhone = person.age() >= 16 && draw < (person.age() >= 75 ? 0.6 : 0.97);
			members.add(new BulkResident(name(person.gender(), person.surname()), person.gender(),
					idCard(area, birth, person.gender()), hasPhone ? phone() : null, person.relation(), tags, null,
					List.of()));
		}
		return members;
	}

	private record Person(Gender gender, int age, Relation relation, String surname) {
	}

	/** A birth date {@code age} full years before {@link #REFERENCE}. */
	LocalDate birthAt(int age) {
		return REFERENCE.minusYears(age).minusDays(1 + random.nextInt(364));
	}

	/** A surname, the commoner ones more often. */
	String surname() {
		double u = random.nextDouble();
		int index = (int) (SURNAMES.length() * u * u);
		return SURNAMES.substring(index, index + 1);
	}

	/** A surname and one or two given-name characters. */
	String name(Gender gender, String surname) {
		String chars = gender == Gender.MALE ? MALE : FEMALE;
		StringBuilder name = new StringBuilder(surname).append(chars.charAt(random.nextInt(chars.length())));
		if (random.nextDouble() < 0.7) {
			name.append(chars.charAt(random.nextInt(chars.length())));
		}
		return name.toString();
	}

	/**
	 * A fictitious ID number: area, birth date, a sequence of 000–499 (tests draw theirs from 500–999, so that the two
	 * never meet) whose last digit is odd for a man and even for a woman, and the check digit. Unique in the district.
	 */
	String idCard(String area, LocalDate birth, Gender gender) {
		while (true) {
			int parity = random.nextInt(5) * 2 + (gender == Gender.MALE ? 1 : 0);
			String first17 = area + birth.toString().replace("-", "")
					+ String.format(Locale.ROOT, "%02d%d", random.nextInt(50), parity);
			String number = first17 + PersonalData.checkDigit(first17);
			if (idCards.add(number)) {
				return number;
			}
		}
	}

	/** 1700 and seven digits: the virtual-operator range, clearly made up. */
	String phone() {
		phones++;
		return "1700" + String.format(Locale.ROOT, "%07d", (phones * 7_919L + random.nextInt(7)) % 10_000_000L);
	}
}
