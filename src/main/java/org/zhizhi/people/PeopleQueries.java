package org.zhizhi.people;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Paging;
import org.zhizhi.shared.LikePattern;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.AuditTrail;
import org.zhizhi.people.PeopleViews.HouseholdHistoryEntry;
import org.zhizhi.people.PeopleViews.HouseholdView;
import org.zhizhi.people.PeopleViews.LedgerEntry;
import org.zhizhi.people.PeopleViews.PeopleCounts;
import org.zhizhi.people.PeopleViews.ResidentFull;
import org.zhizhi.people.PeopleViews.ResidentPage;
import org.zhizhi.people.PeopleViews.ResidentSearch;
import org.zhizhi.people.PeopleViews.ResidentSummary;
import org.zhizhi.people.PeopleViews.ResidentVersionEntry;
import org.zhizhi.people.persistence.Headcounts;
import org.zhizhi.people.persistence.Households;
import org.zhizhi.people.persistence.Ledgers;
import org.zhizhi.people.persistence.Residents;
import org.zhizhi.people.persistence.Residents.SearchFilter;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.ReplicaRead;

/** Reads of households and residents, masked and within the caller's scope; the full view is audited. */
@Service
@Transactional(readOnly = true)
public class PeopleQueries {

	public static final String VIEW_FULL_ACTION = "RESIDENT_VIEW_FULL";

	private final Households households;

	private final Residents residents;

	private final Ledgers ledgers;

	private final Headcounts headcounts;

	private final PersonalDataCipher cipher;

	private final AuditTrail audit;

	PeopleQueries(Households households, Residents residents, Ledgers ledgers, Headcounts headcounts,
			PersonalDataCipher cipher, AuditTrail audit) {
		this.households = households;
		this.residents = residents;
		this.ledgers = ledgers;
		this.headcounts = headcounts;
		this.cipher = cipher;
		this.audit = audit;
	}

	/** Households and residents living in the scope now — the people part of the summary endpoints. */
	public PeopleCounts countsIn(DataScope scope) {
		return headcounts.counts(scope);
	}

	public ResidentPage search(Actor actor, ResidentSearch search) {
		PeopleRoles.requireRead(actor);
		SearchFilter filter = filter(search);
		long total = residents.count(actor.scope(), filter);
		List<ResidentSummary> items = total == 0 ? List.of()
				: residents.search(actor.scope(), filter, search.size(), Paging.offset(search.page(), search.size()));
		return new ResidentPage(items, search.page(), search.size(), total);
	}

	/**
	 * Streams every match page by page, for exports. A replica may answer (with the reader's scope for its row-level
	 * security, as the primary would): an export is a list of the moment, long to read, and no one's own last step.
	 */
	@ReplicaRead
	public void forEachMatch(Actor actor, ResidentSearch search, java.util.function.Consumer<ResidentSummary> sink) {
		PeopleRoles.requireRead(actor);
		SearchFilter filter = filter(search);
		int size = 1000;
		for (int offset = 0;; offset += size) {
			List<ResidentSummary> batch = residents.search(actor.scope(), filter, size, offset);
			batch.forEach(sink);
			if (batch.size() < size) {
				return;
			}
		}
	}

	private SearchFilter filter(ResidentSearch s) {
		String phone = blank(PersonalData.normalizePhone(s.phone()));
		String idCard = blank(PersonalData.normalizeIdCard(s.idCardNumber()));
		String name = blank(s.name() == null ? null : s.name().strip());
		String pattern = LikePattern.contains(name);
		return new SearchFilter(pattern, cipher.hash(phone), cipher.hash(idCard),
				s.tag() == null ? null : s.tag().name(), s.gridId(), s.buildingId(), s.householdId(),
				s.includeMovedOut());
	}

	public ResidentSummary resident(Actor actor, UUID id) {
		PeopleRoles.requireRead(actor);
		return residents.resident(actor.scope(), id).orElseThrow(() -> DomainException.notFound("resident"));
	}

	/** The unmasked name, ID number and phone; only for roles that may, and always written to the audit trail. */
	public ResidentFull showFull(Actor actor, UUID id, String remoteAddress) {
		if (!PeopleRoles.mayViewFull(actor)) {
			audit.record(actor, remoteAddress, VIEW_FULL_ACTION, "resident", id.toString(), Outcome.DENIED, null);
			PeopleRoles.requireFullView(actor);
		}
		var state = residents.residentState(actor.scope(), id).orElseThrow(() -> DomainException.notFound("resident"));
		audit.record(actor, remoteAddress, VIEW_FULL_ACTION, "resident", id.toString(), Outcome.SUCCESS, null);
		return new ResidentFull(id, state.name(),
				cipher.decrypt(state.idCardCipher(), PersonalDataCipher.idCardContext(id)),
				cipher.decrypt(state.phoneCipher(), PersonalDataCipher.phoneContext(id)), state.birthDate());
	}

	public Optional<HouseholdView> household(Actor actor, UUID id) {
		PeopleRoles.requireRead(actor);
		return households.household(actor.scope(), id);
	}

	public List<ResidentSummary> members(Actor actor, UUID householdId) {
		PeopleRoles.requireRead(actor);
		return residents.residentsOfHousehold(actor.scope(), householdId);
	}

	public List<HouseholdHistoryEntry> history(Actor actor, UUID householdId) {
		PeopleRoles.requireRead(actor);
		return households.history(actor.scope(), householdId);
	}

	public List<ResidentVersionEntry> versions(Actor actor, UUID residentId) {
		PeopleRoles.requireRead(actor);
		return residents.versions(actor.scope(), residentId)
			.stream()
			.map(v -> new ResidentVersionEntry(v.version(), v.reason(), PersonalData.maskName(v.name()), v.relation(),
					v.tags(), v.active(), v.recordedAt(), v.recordedBy()))
			.toList();
	}

	public List<LedgerEntry> ledger(Actor actor, NewEmploymentKind kind, LedgerRole role, int page, int size) {
		PeopleRoles.requireRead(actor);
		return ledgers
			.ledger(actor.scope(), kind == null ? null : kind.name(), role == null ? null : role.name(), size + 1,
					Paging.offset(page, size))
			.stream()
			.map(e -> new LedgerEntry(e.residentId(), PersonalData.maskName(e.name()), e.phone(), e.kind(),
					e.dwellingLabel(), e.roles()))
			.toList();
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	/**
	 * The households living now in these buildings, within the scope: who is concerned by a matter of a building, an
	 * estate or a community (deliberation's one household, one vote). No person's data.
	 */
	public List<HouseholdUnit> householdsLivingIn(DataScope scope, java.util.Collection<UUID> buildingIds) {
		return households.livingIn(scope, buildingIds);
	}

	/** Where the resident who signs in with this account lives now; empty for an account of no resident. */
	public Optional<Home> homeOf(UUID accountId) {
		return households.homeOf(accountId);
	}

	/**
	 * The registered name and masked ID number (居民身份证, e.g. 5001**********1234) of the resident who signs in with
	 * this account, for a certificate that must name its holder with his ID type and masked number; empty for an
	 * account of no resident.
	 */
	public Optional<RegisteredIdentity> identityOf(UUID accountId) {
		return households.identityOf(accountId);
	}

	/**
	 * The accounts the active residents of these households sign in with — whom a matter of their building concerns
	 * (deliberation tells them of votes and meetings). Ids only.
	 */
	public List<UUID> accountsOf(java.util.Collection<UUID> householdIds) {
		return households.accountsOf(householdIds);
	}

	/** The accounts of each household's active residents, by household. Ids only. */
	public java.util.Map<UUID, List<UUID>> accountsByHousehold(java.util.Collection<UUID> householdIds) {
		return households.accountsByHousehold(householdIds);
	}
}
