package org.zhizhi.property;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the property module shows: the register, inspections, rectifications, assessments and ratings. */
public final class PropertyViews {

	private PropertyViews() {
	}

	/** A property company (物业服务企业) and the unit it answers whistles as. */
	public record Company(UUID id, String name, String licenceNo, String contactName, String contactPhone,
			PartyOrg partyOrg, UUID unitId, String scopePath, UUID districtId) {
	}

	/** A contract: the company manages the estate from one day to another. */
	public record Contract(UUID id, UUID companyId, String companyName, UUID estateId, String estateName,
			String scopePath, LocalDate startsOn, LocalDate endsOn, Double lat, Double lng) {

		public boolean runsOn(LocalDate day) {
			return !day.isBefore(startsOn) && day.isBefore(endsOn);
		}
	}

	/** A 红色管家 of the company. */
	public record Steward(UUID id, UUID companyId, UUID estateId, String name, String post, boolean partyMember) {
	}

	public record CommitteeMember(String name, CommitteePosition position, boolean partyMember) {
	}

	/** An owners' committee (业委会) for its term; red (红色业委会) when half its members or more are party members. */
	public record Committee(UUID id, UUID estateId, String estateName, LocalDate termStarts, LocalDate termEnds,
			List<CommitteeMember> members) {

		public long partyMembers() {
			return members.stream().filter(CommitteeMember::partyMember).count();
		}

		public boolean red() {
			return !members.isEmpty() && partyMembers() * 2 >= members.size();
		}
	}

	/** A figure of a district as its reports state it (巴南's 64 and 98). */
	public record Figure(String code, int value, String source) {
	}

	/** A company with what the lists show of it. */
	public record CompanySummary(Company company, List<Contract> estates, int stewards, RatingView latestRating) {
	}

	/** A company with everything its desk page shows. */
	public record CompanyDetail(Company company, List<Contract> estates, List<Steward> stewards,
			List<Committee> committees, List<InspectionView> inspections, List<RectificationView> rectifications,
			List<RatingView> ratings) {
	}

	public record FindingView(UUID id, String criterionCode, String criterionText, String note, boolean photo,
			Double lat, Double lng, Instant foundAt) {
	}

	/** An inspection with its findings, score and what the reader may do. */
	public record InspectionView(UUID id, UUID companyId, String companyName, UUID estateId, String estateName,
			String inspectorName, InspectionState state, Instant startedAt, Instant submittedAt, Integer awarded,
			Integer possible, BigDecimal percent, List<FindingView> findings, Set<InspectionAction> allowedActions) {
	}

	/** A rectification order with where its incident stands in the loop. */
	public record RectificationView(UUID id, UUID inspectionId, UUID companyId, String estateName,
			String criterionCode, String criterionText, String note, UUID incidentId, RectificationState state,
			String loopState, Instant dueAt, boolean overdue, int escalations, int redCards, int sentBack,
			Instant issuedAt, Instant answeredAt, Instant closedAt, Set<RectificationAction> allowedActions) {
	}

	/** The whistle loop's figures of a company's estates in a period. */
	public record LoopFigures(int incidents, int closed, int overdue, int rated, int satisfied,
			List<CategoryCount> byCategory) {
	}

	public record CategoryCount(String categoryCode, int count) {
	}

	/**
	 * 季考核: a quarter's score out of 100 — inspections (60: the mean of the quarter's inspection percentages), the
	 * loop's on-time handling (20) and satisfaction (20), less 2 a rectification late in the quarter (at most 10). A
	 * quarter without a submitted inspection is not scored: its parts and score are null, its loop figures are given.
	 */
	public record QuarterScore(UUID companyId, int year, int quarter, int inspections, BigDecimal inspectionMean,
			BigDecimal inspectionPart, BigDecimal handlingPart, BigDecimal satisfactionPart, int lateRectifications,
			BigDecimal deduction, BigDecimal score, LoopFigures loop) {
	}

	/** 年评定: the year's rating with its grade and whether it carries 红岩先锋物业. */
	public record RatingView(UUID id, UUID companyId, String companyName, int year, BigDecimal score, Grade grade,
			boolean titled, Instant ratedAt) {
	}
}
