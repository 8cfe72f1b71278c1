package org.zhizhi.partnership;

import static org.zhizhi.partnership.Inputs.checkPosition;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.partnership.PartnershipCommands.NewItem;
import org.zhizhi.partnership.PartnershipManagement.Access;
import org.zhizhi.partnership.persistence.Board;
import org.zhizhi.partnership.persistence.JdbcBoards;
import org.zhizhi.partnership.persistence.JdbcListItems;
import org.zhizhi.partnership.persistence.JdbcPartners;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;

/** The commands on the three lists' items (needs, resources, projects): publishing one, taking it off the list. */
@Service
public class ListItems {

	private final JdbcListItems items;

	private final JdbcBoards boards;

	private final JdbcPartners partners;

	private final PartnershipManagement management;

	private final CommandShape shape;

	private final Clock clock;

	ListItems(JdbcListItems items, JdbcBoards boards, JdbcPartners partners, PartnershipManagement management,
			CommandShape shape, Clock clock) {
		this.shape = shape;
		this.items = items;
		this.boards = boards;
		this.partners = partners;
		this.management = management;
		this.clock = clock;
	}

	/** Staff publish needs, projects and resources; a liaison publishes his own unit's resources. */
	@Transactional
	public ListItem publish(Actor actor, NewItem body) {
		Access access = management.access(actor);
		List<FieldProblem> problems = new ArrayList<>();
		if (body.periodStart() != null && body.periodEnd() != null && body.periodEnd().isBefore(body.periodStart())) {
			problems.add(new FieldProblem("periodEnd", "partnership.periodEnd"));
		}
		checkPosition(problems, body.lat(), body.lng());
		UUID offeredBy = null;
		Board board;
		if (access.liaison()) {
			if (body.kind() != null && body.kind() != ItemKind.RESOURCE) {
				problems.add(new FieldProblem("kind", "partnership.liaisonResourcesOnly"));
			}
			offeredBy = access.partnerId();
			PartnerUnit own = partners.partner(access.scope(), offeredBy, management.thisYear())
				.orElseThrow();
			board = boards.board(own.communityId()).orElseThrow();
		}
		else {
			if (body.kind() == ItemKind.RESOURCE) {
				offeredBy = body.offeredBy();
				if (offeredBy == null
						|| partners.partner(access.scope(), offeredBy, management.thisYear()).isEmpty()) {
					problems.add(new FieldProblem("offeredBy", "partnership.offeredBy"));
				}
			}
			board = problems.isEmpty() && shape.problems(body).isEmpty() ? management.community(actor, body.communityId())
					: null;
		}
		shape.check(body, problems);
		if (offeredBy != null) {
			PartnerUnit offerer = partners.partner(access.scope(), offeredBy, management.thisYear())
				.orElseThrow();
			if (!offerer.communityId().equals(board.communityId())) {
				throw DomainException.invalid(List.of(new FieldProblem("offeredBy", "partnership.offeredBy")));
			}
		}
		ListItem item = new ListItem(Ids.newId(clock), board.communityId(), board.name(), body.kind(), offeredBy, null,
				body.title().strip(), body.category(), body.description() == null ? "" : body.description().strip(),
				body.quantity(), body.measure(), BigDecimal.ZERO, body.periodStart(), body.periodEnd(), body.lat(),
				body.lng(), ItemStatus.OPEN, clock.instant(), null, null, null, null, null, null);
		items.insertItem(item, board.path(), board.districtId());
		return items.item(access.scope(), item.id()).orElseThrow();
	}

	/** An item nobody has claimed yet may be taken off the list. */
	@Transactional
	public ListItem withdraw(Actor actor, UUID itemId) {
		Access access = management.access(actor);
		Item item = items.itemToStep(access.scope(), itemId).orElseThrow(() -> DomainException.notFound("item"));
		DomainException refusal = ItemPolicy.refusal(access, item, ItemAction.WITHDRAW);
		if (refusal != null) {
			throw refusal;
		}
		ItemStatus read = item.status();
		item.withdraw(actor.userId(), clock.instant());
		if (!items.save(item)) {
			// a claim came first: refused naming the state the item is in now
			throw ItemLifecycle.TABLE.illegal(
					items.item(access.scope(), itemId).map(ListItem::status).orElse(read), ItemAction.WITHDRAW);
		}
		return items.item(access.scope(), itemId).orElseThrow();
	}
}
