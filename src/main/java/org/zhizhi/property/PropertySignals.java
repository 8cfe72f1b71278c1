package org.zhizhi.property;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.property.persistence.JdbcSignals;
import org.zhizhi.shared.DataScope;

/**
 * What the property module knows that may signal a risk, for the command centre's sentinel: disputes per estate,
 * self-run buildings' fee collection, and inspections whose score fell. Counts and ids only, always within a scope.
 */
@Service
public class PropertySignals {

	/** The disputes about an estate's property (neighbours' quarrels left out) recorded since a moment. */
	public record EstateDisputes(UUID estateId, String estateName, String scopePath, List<UUID> disputeIds) {
	}

	/**
	 * A self-run building's bills for the months in a range: how many were due (exempt ones left out) and how many are
	 * paid; {@code openBillIds} are those still unpaid.
	 */
	public record BuildingCollection(UUID buildingId, String buildingName, UUID estateId, String estateName,
			String scopePath, int due, int paid, List<UUID> openBillIds) {

		/** The share paid, in whole percent (a building with nothing due has collected everything). */
		public int percentPaid() {
			return due == 0 ? 100 : paid * 100 / due;
		}
	}

	/** An estate's latest submitted inspection against the one before it, with the company that manages it. */
	public record InspectionChange(UUID companyId, String companyName, UUID estateId, String estateName,
			String scopePath, UUID latestId, int latestScore, UUID previousId, int previousScore, Instant latestAt) {

		public int drop() {
			return previousScore - latestScore;
		}
	}

	private final JdbcSignals signals;

	PropertySignals(JdbcSignals signals) {
		this.signals = signals;
	}

	@Transactional(readOnly = true)
	public List<EstateDisputes> disputesByEstate(DataScope scope, Instant since) {
		return signals.disputesByEstate(scope, since);
	}

	/** Bills of the months from {@code fromMonth} to {@code toMonth} (first days, both included). */
	@Transactional(readOnly = true)
	public List<BuildingCollection> collectionByBuilding(DataScope scope, LocalDate fromMonth, LocalDate toMonth) {
		return signals.collectionByBuilding(scope, fromMonth, toMonth);
	}

	/** Estates inspected at least twice whose latest inspection was submitted since a moment. */
	@Transactional(readOnly = true)
	public List<InspectionChange> inspectionChanges(DataScope scope, Instant since) {
		return signals.inspectionChanges(scope, since);
	}
}
