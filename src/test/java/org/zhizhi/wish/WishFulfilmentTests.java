package org.zhizhi.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.incident.photo.Photos;
import org.zhizhi.incident.photo.StoredPhoto;
import org.zhizhi.notification.Notifications;
import org.zhizhi.partnership.PartnershipManagement;
import org.zhizhi.partnership.PartnershipQueries;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.PlatformZone;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.wish.persistence.JdbcWishes;

/**
 * WishFulfilled names the takers as they stand once the wish has moved to FULFILLED: a second taker whose take
 * committed between the first taker's read and his update (a wish for two is still takeable in TAKEN) is rewarded too.
 */
class WishFulfilmentTests {

	private static final Instant NOW = Instant.parse("2026-05-01T02:00:00Z");

	@Test
	void theEventCarriesTheTakersReadAfterTheMoveToFulfilled() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		Wish wish = takenWish(2, 1);
		Taker firstTaker = new Taker(first, "陈党员", TakerKind.MEMBER, first, NOW.minusSeconds(3600));
		Taker secondTaker = new Taker(second, "刘党员", TakerKind.MEMBER, second, NOW.minusSeconds(1));

		JdbcWishes wishes = mock(JdbcWishes.class);
		AtomicBoolean moved = new AtomicBoolean();
		when(wishes.findUnscoped(wish.id())).thenReturn(Optional.of(wish));
		// the second take commits while the first taker reports: it is there once his update has moved the row
		when(wishes.takers(wish.id()))
			.thenAnswer(call -> moved.get() ? List.of(firstTaker, secondTaker) : List.of(firstTaker));
		when(wishes.step(eq(wish.id()), eq(WishState.TAKEN), eq(WishState.FULFILLED), any(), anyMap()))
			.thenAnswer(call -> {
				moved.set(true);
				return true;
			});
		Photos photos = mock(Photos.class);
		when(photos.store(any())).thenReturn(new StoredPhoto(UUID.randomUUID(), Optional.empty(), "jpeg", 10, 10, 10,
				10, 100));
		MessageSource messages = mock(MessageSource.class);
		when(messages.getMessage(anyString(), any(), any())).thenReturn("text");
		ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
		WishManagement management = new WishManagement(wishes, mock(OrgUnitQueries.class), mock(AccountQueries.class),
				mock(PeopleQueries.class), mock(PartyQueries.class), mock(WishReach.class),
				new WishUnits(mock(PartnershipManagement.class), mock(PartnershipQueries.class)), photos,
				mock(Notifications.class), events, messages, Clock.fixed(NOW, ZoneOffset.UTC), PlatformZone.DEFAULT);

		Actor member = new Actor(first, "dangyuan01", "陈党员", Set.of(Role.PARTY_MEMBER),
				new DataScope(wish.communityId(), wish.scopePath()));
		management.fulfil(member, wish.id(), "送到了", new byte[] { 1, 2, 3 });

		ArgumentCaptor<Object> published = ArgumentCaptor.forClass(Object.class);
		verify(events).publishEvent(published.capture());
		assertThat(published.getAllValues()).singleElement()
			.isInstanceOfSatisfying(WishFulfilled.class,
					event -> assertThat(event.takers()).containsExactly(firstTaker, secondTaker));
	}

	private static Wish takenWish(int maxTakers, int takerCount) {
		UUID community = UUID.randomUUID();
		String path = "/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/" + community + "/";
		return new Wish(UUID.randomUUID(), UUID.randomUUID(), community, path, community, "500113108003", "金银桥社区",
				WishState.TAKEN, "帮忙取药", "说明", "一位老人", WishCategory.CARE, "钱奶奶", null, null,
				LocalDate.of(2026, 5, 10), null, maxTakers, takerCount, UUID.randomUUID(), "钱奶奶", false,
				NOW.minusSeconds(86400), null, null, null, NOW.minusSeconds(7200), null, null, null, null, null,
				null, null, null, null, null, null, NOW.minusSeconds(1));
	}
}
