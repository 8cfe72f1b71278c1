package org.zhizhi.party;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Role;

/** Who may write the party registry, and what an organisation, member or hub household must look like. */
public final class PartyRules {

	/** The earliest join date there can be: the party was founded on 1 July 1921. */
	static final java.time.LocalDate FOUNDED = java.time.LocalDate.of(1921, 7, 1);

	/** How many years back a status change (a transfer, a death) may be recorded. */
	static final int STATUS_YEARS_BACK = 10;

	/** Community staff and the levels above keep the party registry; everyone with a business role reads it. */
	public static final Set<Role> WRITERS = Set.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN,
			Role.SYSTEM_ADMIN);

	static final int ORG_NAME_MAX = 80;

	static final int MEMBER_NAME_MAX = 40;

	static final int EMPLOYER_MAX = 80;

	private PartyRules() {
	}

	/**
	 * Who may read the party tree and its members: the staff who run it and the party members themselves — not
	 * residents, partner units or property staff, for whom a roster of names, employers and statuses is personal data.
	 */
	static final java.util.Set<Role> READERS = java.util.EnumSet.of(Role.SYSTEM_ADMIN, Role.DISTRICT_ADMIN,
			Role.STREET_STAFF, Role.COMMUNITY_STAFF, Role.GRID_WORKER, Role.PARTY_MEMBER);

	public static boolean mayRead(Actor actor) {
		return actor != null && actor.hasAny(READERS);
	}

	public static boolean mayWrite(Actor actor) {
		return actor != null && actor.hasAny(WRITERS);
	}

	static void checkReader(Actor actor) {
		if (!mayRead(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}

	static void checkWriter(Actor actor) {
		if (!mayWrite(actor)) {
			throw new DomainException(Category.FORBIDDEN, "PARTY_WRITE_FORBIDDEN", "party.forbidden");
		}
	}

	static void check(NewPartyOrg org) {
		List<FieldProblem> problems = new ArrayList<>();
		name(problems, "name", org.name(), ORG_NAME_MAX);
		if (org.level() == null) {
			problems.add(new FieldProblem("level", "validation.required"));
		}
		if (org.placeId() == null) {
			problems.add(new FieldProblem("placeId", "validation.required"));
		}
		throwIfAny(problems);
	}

	static void check(NewPartyMember member, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		if (member.orgId() == null) {
			problems.add(new FieldProblem("orgId", "validation.required"));
		}
		name(problems, "name", member.name(), MEMBER_NAME_MAX);
		if (member.gender() == null) {
			problems.add(new FieldProblem("gender", "validation.required"));
		}
		if (member.kind() == null) {
			problems.add(new FieldProblem("kind", "validation.required"));
		}
		if (member.kind() != null && member.kind().isMember() && member.joinedOn() == null) {
			problems.add(new FieldProblem("joinedOn", "validation.required"));
		}
		if (member.joinedOn() != null && member.joinedOn().isAfter(today)) {
			problems.add(new FieldProblem("joinedOn", "party.joinedOn.future"));
		}
		if (member.joinedOn() != null && member.joinedOn().isBefore(FOUNDED)) {
			// a veteran may have joined seventy years ago, so not the ten years of other dates: the party's founding
			problems.add(new FieldProblem("joinedOn", "party.joinedOn.beforeFounding"));
		}
		if (member.kind() == MemberKind.IN_SERVICE && (member.employer() == null || member.employer().isBlank())) {
			problems.add(new FieldProblem("employer", "party.employer.required"));
		}
		if (member.employer() != null && member.employer().strip().length() > EMPLOYER_MAX) {
			problems.add(new FieldProblem("employer", "party.tooLong", EMPLOYER_MAX));
		}
		if (member.kind() != MemberKind.IN_SERVICE
				&& (member.dualCommunityId() != null || member.dualEstateId() != null)) {
			problems.add(new FieldProblem("kind", "party.dualRegistration.inServiceOnly"));
		}
		throwIfAny(problems);
	}

	static void check(NewHubHousehold hub) {
		List<FieldProblem> problems = new ArrayList<>();
		if (hub.memberId() == null) {
			problems.add(new FieldProblem("memberId", "validation.required"));
		}
		if (hub.buildingIds() == null || hub.buildingIds().isEmpty()) {
			problems.add(new FieldProblem("buildingIds", "validation.required"));
		}
		throwIfAny(problems);
	}

	private static void name(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		else if (value.strip().length() > max) {
			problems.add(new FieldProblem(field, "party.tooLong", max));
		}
	}

	private static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
	}

	/** A status change happened on a day between {@link #STATUS_YEARS_BACK} years ago and today. */
	static void checkStatusDay(java.time.LocalDate on, java.time.LocalDate today) {
		if (on != null && (on.isAfter(today) || on.isBefore(today.minusYears(STATUS_YEARS_BACK)))) {
			throw DomainException.invalid(List.of(new FieldProblem("on", "party.status.onImplausible",
					STATUS_YEARS_BACK)));
		}
	}
}
