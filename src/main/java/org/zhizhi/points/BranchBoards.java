package org.zhizhi.points;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.party.MemberStatus;
import org.zhizhi.party.PartyMember;
import org.zhizhi.party.PartyOrg;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.party.PartyRules;
import org.zhizhi.people.PersonalData;
import org.zhizhi.points.PointsQueries.Standing;
import org.zhizhi.points.persistence.JdbcLedger;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * A party branch's own 党员积分排行榜: the branch's members — of the branch itself and of its groups, active members
 * only, no activists or applicants — ranked by the points they earned in a member scheme that covers the branch, as the
 * scheme's board ranks everyone. The branch and its roster come from the party module; a member is on the ledger
 * under the account he signs in with, or, with none linked, under his member id (the paper files the demo keeps).
 */
@Service
@Transactional(readOnly = true)
public class BranchBoards {

	/** The platform reading the party registry for a public board: as the node that runs the scheme. */
	private static final UUID SYSTEM = new UUID(0, 0);

	private final JdbcLedger ledger;

	private final PartyQueries party;

	BranchBoards(JdbcLedger ledger, PartyQueries party) {
		this.ledger = ledger;
		this.party = party;
	}

	/** A branch's board: its name and its members' standings. */
	public record BranchBoard(UUID branchId, String branchName, List<Standing> standings) {
	}

	/**
	 * The board of a branch the reader may see — one of his scope, read by someone who reads the party registry — in a
	 * member scheme he deals with; anything else answers 404 like a branch that does not exist.
	 */
	public BranchBoard board(Actor actor, Scheme scheme, UUID branchId, boolean masked, int limit) {
		if (!PartyRules.mayRead(actor)) {
			throw DomainException.notFound("party-org");
		}
		return ranked(actor, scheme, branchId, masked, limit);
	}

	/** The board of a branch inside the scheme's territory for anyone, names masked: the scheme's public board. */
	public BranchBoard publicBoard(Scheme scheme, UUID branchId, int limit) {
		return ranked(schemeNode(scheme), scheme, branchId, true, limit);
	}

	/** The branches of the reader's scope a member scheme can rank: none for a scheme of another kind. */
	public List<PartyOrg> branches(Actor actor, Scheme scheme) {
		if (scheme.kind() != SchemeKind.MEMBER || !PartyRules.mayRead(actor)) {
			return List.of();
		}
		return party.orgs(actor)
			.stream()
			.filter(o -> o.level().isBranch() && o.scopePath().startsWith(scheme.scopePath()))
			.toList();
	}

	private BranchBoard ranked(Actor reader, Scheme scheme, UUID branchId, boolean masked, int limit) {
		PartyOrg branch = party.org(reader, branchId)
			.filter(o -> o.level().isBranch() && scheme.kind() == SchemeKind.MEMBER
					&& o.scopePath().startsWith(scheme.scopePath()))
			.orElseThrow(() -> DomainException.notFound("party-org"));
		List<PointsAccount> accounts = ledger.ranking(scheme.id(), holders(reader, branch),
				Math.min(limit, PointsQueries.LIMIT));
		List<Standing> standings = new ArrayList<>();
		for (int i = 0; i < accounts.size(); i++) {
			PointsAccount a = accounts.get(i);
			standings.add(new Standing(i + 1, masked ? PersonalData.maskName(a.holderName()) : a.holderName(),
					a.earned(), a.balance()));
		}
		return new BranchBoard(branch.id(), branch.name(), standings);
	}

	/** Who the ledger knows the branch's members as: those of the branch and of the organisations below it. */
	private Set<UUID> holders(Actor reader, PartyOrg branch) {
		return holders(branch.id(), party.orgs(reader), org -> party.members(reader, org, null));
	}

	/**
	 * The ledger's holders of a branch's roster: the members of the branch and of every organisation below it (its
	 * groups), active members only — activists and applicants are not yet members, and one transferred out is no
	 * longer the branch's — each known by his account, or by his member id when none is linked.
	 */
	static Set<UUID> holders(UUID branchId, List<PartyOrg> orgs, Function<UUID, List<PartyMember>> membersOf) {
		Set<UUID> below = new LinkedHashSet<>(List.of(branchId));
		boolean grew = true;
		while (grew) {
			grew = false;
			for (PartyOrg o : orgs) {
				if (o.parentId() != null && below.contains(o.parentId()) && below.add(o.id())) {
					grew = true;
				}
			}
		}
		Set<UUID> holders = new LinkedHashSet<>();
		for (UUID org : below) {
			for (PartyMember m : membersOf.apply(org)) {
				if (m.status() == MemberStatus.ACTIVE && m.kind().isMember()) {
					holders.add(m.accountId() != null ? m.accountId() : m.id());
				}
			}
		}
		return holders;
	}

	/** The scheme's own node reading the party registry, for a board anyone may see. */
	private static Actor schemeNode(Scheme scheme) {
		return new Actor(SYSTEM, "system", scheme.orgUnitName(), Set.of(Role.SYSTEM_ADMIN),
				new DataScope(scheme.orgUnitId(), scheme.scopePath()));
	}
}
