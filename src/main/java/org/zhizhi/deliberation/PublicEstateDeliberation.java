package org.zhizhi.deliberation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.deliberation.persistence.FundLedger;
import org.zhizhi.deliberation.persistence.JdbcTopics;
import org.zhizhi.deliberation.persistence.TopicRecords;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.ReplicaRead;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.territory.PlaceQueries;

/**
 * The public page of an estate's deliberation (居务公开): what its households decided, by how many votes, what was done
 * and how they judged it, and the co-funding accounts — aggregates only: no household's vote, no name, no dwelling.
 * Money from households is one line ("住户 N 户"); money from organisations is named. A public page: a replica
 * may answer it ({@link ReplicaRead}).
 */
@Service
@Transactional(readOnly = true)
@ReplicaRead
public class PublicEstateDeliberation {

	public record Page(String estateName, String communityName, List<Decided> topics, List<PublicBody> bodies,
			List<PublicConvention> conventions, EstateGovernance.FourOnes fourOnes) {
	}

	/** A body as the public sees it: what it is, whether in office, how many serve and how many are party members. */
	public record PublicBody(BodyKind kind, String name, boolean active, long members, long partyMembers) {
	}

	public record PublicConvention(ConventionKind kind, String title, int version, String text) {
	}

	public record Decided(String title, String placeName, TopicState state, VoteRule rule, Instant decidedAt,
			boolean passed, Long yes, Long no, Long abstain, Long households, List<Done> tasks, Money money,
			long ratings, BigDecimal averageStars) {
	}

	public record Done(String title, boolean done) {
	}

	public record Money(BigDecimal target, BigDecimal paid, BigDecimal spent, BigDecimal balance,
			long payingHouseholds, BigDecimal fromHouseholds, List<Line> fromOrganisations, List<Line> spending) {
	}

	public record Line(String name, BigDecimal amount) {
	}

	private final JdbcTopics topics;

	private final TopicRecords records;

	private final FundLedger ledger;

	private final PlaceQueries places;

	private final OrgUnitQueries orgUnits;

	private final SelfGovernance governance;

	private final org.zhizhi.deliberation.persistence.JdbcSelfGovernance bodies;

	PublicEstateDeliberation(JdbcTopics topics, TopicRecords records, FundLedger ledger, PlaceQueries places,
			OrgUnitQueries orgUnits, SelfGovernance governance,
			org.zhizhi.deliberation.persistence.JdbcSelfGovernance bodies) {
		this.governance = governance;
		this.bodies = bodies;
		this.topics = topics;
		this.records = records;
		this.ledger = ledger;
		this.places = places;
		this.orgUnits = orgUnits;
	}

	/** The estate's page, or empty for an estate that has decided nothing here yet (or does not exist). */
	public Optional<Page> of(UUID estateId) {
		List<Topic> decided = topics.decidedOfEstate(estateId);
		Optional<UUID> communityId = decided.isEmpty() ? bodies.communityOf(estateId)
				: Optional.of(decided.getFirst().place().communityId());
		return communityId.flatMap(orgUnits::bindingOf).flatMap(community -> places
			.estate(new DataScope(community.id(), community.path()), estateId)
			.map(estate -> {
				EstateGovernance g = governance.of(estate);
				return new Page(estate.name(), community.name(), decided.stream().map(this::decided).toList(),
						g.bodies().stream()
							.map(b -> new PublicBody(b.kind(), b.name(), b.active(),
									b.members().stream().filter(m -> m.leftOn() == null).count(),
									b.members().stream().filter(m -> m.leftOn() == null && m.partyMember()).count()))
							.toList(),
						g.conventions().stream()
							.filter(c -> c.adoptedVersion() != null)
							.map(c -> new PublicConvention(c.kind(), c.title(), c.adoptedVersion(), c.adoptedText()))
							.toList(),
						g.fourOnes());
			}));
	}

	private Decided decided(Topic topic) {
		Topic.Decision d = topic.decision();
		Tally tally = d.tally();
		TopicRecords.Ratings ratings = records.ratings(topic.id());
		return new Decided(topic.title(), topic.place().name(), topic.state(), topic.voteRule(), d.at(), d.passed(),
				tally == null ? null : tally.yes(), tally == null ? null : tally.no(),
				tally == null ? null : tally.abstain(), tally == null ? null : tally.electorate().households(),
				records.tasks(topic.id()).stream().map(t -> new Done(t.title(), t.done())).toList(),
				ledger.fund(topic.id()).map(fund -> money(topic.id(), fund)).orElse(null), ratings.count(),
				ratings.average());
	}

	private Money money(UUID topicId, FundLedger.Fund fund) {
		FundLedger.Totals totals = ledger.totals(topicId);
		List<FundLedger.Entry> entries = ledger.entries(topicId);
		BigDecimal households = entries.stream()
			.filter(e -> e.kind() == FundEntryKind.PAYMENT && e.source() == FundSource.HOUSEHOLD)
			.map(FundLedger.Entry::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Money(fund.target(), totals.paid(), totals.spent(), totals.paid().subtract(totals.spent()),
				totals.payingHouseholds(), households,
				entries.stream()
					.filter(e -> e.kind() == FundEntryKind.PAYMENT && e.source() != FundSource.HOUSEHOLD)
					.map(e -> new Line(e.sourceName(), e.amount()))
					.toList(),
				entries.stream()
					.filter(e -> e.kind() == FundEntryKind.SPENDING)
					.map(e -> new Line(e.sourceName(), e.amount()))
					.toList());
	}
}
