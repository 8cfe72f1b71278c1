package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.partnership.meeting.DecisionTaken;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.partnership.persistence.JdbcBoards;
import org.zhizhi.partnership.persistence.JdbcListItems;
import org.zhizhi.partnership.persistence.JdbcPartners;
import org.zhizhi.partnership.persistence.Board;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Turns every decision of a joint meeting into a project of the community's lists (项目清单): the decision's text as
 * title, the meeting named in the description, from the day it was taken until its due date, one item (项) that a unit
 * then claims. Keyed by the decision: a replayed {@link DecisionTaken} finds its project and changes nothing.
 */
@Component
class DecisionProjects {

	/** The length of {@code list_item.title}. */
	static final int TITLE_MAX = 128;

	private final JdbcBoards boards;

	private final JdbcPartners partners;

	private final JdbcListItems items;

	private final OrgUnitQueries orgUnits;

	private final PartnershipManagement management;

	private final Clock clock;

	private final ZoneId zone;

	private final MessageSource messages;

	DecisionProjects(JdbcBoards boards, JdbcPartners partners, JdbcListItems items, OrgUnitQueries orgUnits,
			PartnershipManagement management, Clock clock, ZoneId zone, MessageSource messages) {
		this.messages = messages;
		this.boards = boards;
		this.partners = partners;
		this.items = items;
		this.orgUnits = orgUnits;
		this.management = management;
		this.clock = clock;
		this.zone = zone;
	}

	/*
	 * Why a plain @EventListener inside the decision's transaction, and not an @ApplicationModuleListener:
	 * DecisionTaken does not cross a module boundary — org.zhizhi.partnership.meeting is a named interface of this
	 * same application module, with the same schema and the same transaction manager. The house rule
	 * (docs/architecture.md, "Events between modules"): within a module a plain listener in the step's transaction,
	 * across modules an @ApplicationModuleListener through the event publication registry. Running synchronously in the
	 * publisher's transaction, the decision and its project commit together or not at all, and the project is there in
	 * the answer to the request that recorded the decision. @Transactional (REQUIRED) joins that transaction, and opens
	 * one of its own for an event replayed outside any.
	 */
	@EventListener
	@Transactional
	void on(DecisionTaken decision) {
		if (items.itemOfDecision(decision.decisionId()).isPresent()) {
			return;
		}
		OrgUnit community = orgUnits.find(communityScope(decision), decision.communityId())
			.orElseThrow(() -> new IllegalStateException("no community " + decision.communityId()));
		Board board = new Board(community.id(), community.code(), community.name(), community.path(),
				DataScope.districtOf(community.path()));
		boards.ensureBoard(board);
		LocalDate taken = LocalDate.ofInstant(decision.takenAt(), zone);
		// a decision recorded late may already be due: the period then is that one day
		LocalDate start = taken.isAfter(decision.dueOn()) ? decision.dueOn() : taken;
		ListItem item = new ListItem(Ids.newId(clock), community.id(), community.name(), ItemKind.PROJECT, null, null,
				title(decision.text()), ItemCategory.OTHER, description(decision, messages), BigDecimal.ONE, Measure.ITEMS,
				BigDecimal.ZERO, start, decision.dueOn(), null, null, ItemStatus.OPEN, decision.takenAt(), null, null,
				decision.decisionId(), decision.meetingId(), ownerUnit(decision).orElse(null), null);
		// the unique decision_id is what makes it once, should two deliveries of the event race
		items.insertDecisionItem(item, board.path(), board.districtId());
	}

	/**
	 * The partner unit a decision made its owner: the one it names by id, or else by its exact name — both only among
	 * the community's own partner units (a unit's name is unique in its community).
	 */
	private Optional<UUID> ownerUnit(DecisionTaken decision) {
		if (decision.ownerKind() != RefKind.UNIT) {
			return Optional.empty();
		}
		int year = management.thisYear();
		Optional<PartnerUnit> unit = decision.ownerId() != null
				? partners.partner(communityScope(decision), decision.ownerId(), year)
				: decision.ownerName() == null ? Optional.empty()
						: partners.partnerByName(decision.communityId(), decision.ownerName().strip(), year);
		return unit.filter(u -> u.communityId().equals(decision.communityId())).map(PartnerUnit::id);
	}

	/**
	 * The scope this listener reads in: the decision's own community and below. It acts for no user — the meeting's
	 * decision was taken in that community, so the community's node is exactly as far as its project may reach.
	 */
	private static DataScope communityScope(DecisionTaken decision) {
		return new DataScope(decision.communityId(), decision.communityPath());
	}

	/** The decision's text on one line, cut to the title's length (by characters, as the database counts). */
	static String title(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		if (line.codePointCount(0, line.length()) <= TITLE_MAX) {
			return line;
		}
		return line.substring(0, line.offsetByCodePoints(0, TITLE_MAX - 1)) + "…";
	}

	/** The project's text, kept in the platform's language like everything people typed. */
	static String description(DecisionTaken decision, MessageSource messages) {
		return messages.getMessage(
				decision.ownerKind() == RefKind.UNIT ? "partnership.decision.projectOfUnit"
						: "partnership.decision.projectOfPerson",
				new Object[] { decision.meetingTitle(), decision.text().strip(), decision.ownerName(),
						decision.dueOn().toString() },
				Locale.SIMPLIFIED_CHINESE);
	}
}
