package org.zhizhi.wish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.wish.persistence.JdbcWishes;

/**
 * Past wishes brought in as they happened (the demo's year, or a move from an older system): each is written with its
 * whole timeline in batches, without notices or events — they were rewarded where they happened.
 */
@Service
public class WishHistory {

	private final JdbcWishes wishes;

	WishHistory(JdbcWishes wishes) {
		this.wishes = wishes;
	}

	/** One past wish: where, what, for whom, and how far it got; times are those of its steps. */
	public record PastWish(OrgUnit place, OrgUnit community, String title, String description, String publicLabel,
			WishCategory category, String beneficiaryName, LocalDate dueOn, UUID postedBy, String postedByName,
			Instant postedAt, UUID vettedBy, String vettedByName, Instant publishedAt, List<Taker> takers,
			Instant fulfilledAt, String fulfilmentNote, Instant confirmedAt, String thanks) {
	}

	@Transactional
	public int importAll(List<PastWish> past) {
		List<Wish> rows = new ArrayList<>();
		Map<UUID, List<Taker>> takers = new LinkedHashMap<>();
		Map<UUID, List<WishStep>> steps = new LinkedHashMap<>();
		for (PastWish p : past) {
			UUID id = Ids.newId();
			WishState state = p.confirmedAt() != null ? WishState.CONFIRMED
					: p.fulfilledAt() != null ? WishState.FULFILLED
							: !p.takers().isEmpty() ? WishState.TAKEN
									: p.publishedAt() != null ? WishState.PUBLISHED
											: p.vettedBy() != null ? WishState.APPROVED : WishState.POSTED;
			Instant last = p.confirmedAt() != null ? p.confirmedAt()
					: p.fulfilledAt() != null ? p.fulfilledAt() : p.publishedAt() != null ? p.publishedAt() : p.postedAt();
			UUID fulfilledBy = p.fulfilledAt() == null || p.takers().isEmpty() ? null : p.takers().get(0).accountId();
			rows.add(new Wish(id, DataScope.districtOf(p.place().path()), p.place().id(), p.place().path(),
					p.community().id(), p.community().code(), p.community().name(), state, p.title(), p.description(),
					p.publicLabel(), p.category(), p.beneficiaryName(), null, null, p.dueOn(), null,
					Math.max(1, p.takers().size()), p.takers().size(), p.postedBy(), p.postedByName(), false,
					p.postedAt(), p.vettedBy(), p.publishedAt(), null, p.publishedAt(), null, null, null,
					p.fulfilledAt(), fulfilledBy, p.fulfilmentNote(), null, p.confirmedAt(),
					p.confirmedAt() == null ? null : p.postedBy(), p.thanks(), null, last, 0));
			takers.put(id, p.takers());
			List<WishStep> timeline = new ArrayList<>();
			timeline.add(new WishStep(Ids.newId(), id, p.postedAt(), p.postedBy(), p.postedByName(), WishAction.POST,
					null, WishState.POSTED, null));
			if (p.vettedBy() != null && p.publishedAt() != null) {
				timeline.add(new WishStep(Ids.newId(), id, p.publishedAt(), p.vettedBy(), p.vettedByName(),
						WishAction.APPROVE, WishState.POSTED, WishState.APPROVED, null));
				timeline.add(new WishStep(Ids.newId(), id, p.publishedAt(), p.vettedBy(), p.vettedByName(),
						WishAction.PUBLISH, WishState.APPROVED, WishState.PUBLISHED, null));
			}
			WishState before = WishState.PUBLISHED;
			for (Taker t : p.takers()) {
				timeline.add(new WishStep(Ids.newId(), id, t.takenAt(), t.accountId(), t.name(), WishAction.TAKE, before,
						WishState.TAKEN, t.name()));
				before = WishState.TAKEN;
			}
			if (p.fulfilledAt() != null) {
				timeline.add(new WishStep(Ids.newId(), id, p.fulfilledAt(), fulfilledBy, p.takers().get(0).name(),
						WishAction.FULFIL, WishState.TAKEN, WishState.FULFILLED, p.fulfilmentNote()));
			}
			if (p.confirmedAt() != null) {
				timeline.add(new WishStep(Ids.newId(), id, p.confirmedAt(), p.postedBy(), p.postedByName(),
						WishAction.CONFIRM, WishState.FULFILLED, WishState.CONFIRMED, p.thanks()));
			}
			steps.put(id, timeline);
		}
		wishes.insertAll(rows);
		wishes.insertTakers(takers);
		for (Wish row : rows) {
			wishes.appendAll(row.districtId(), steps.get(row.id()));
		}
		return rows.size();
	}
}
