package org.zhizhi.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.territory.DwellingRef;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The commands, filters and read models of the people module, in one place. */
public final class PeopleViews {

	private PeopleViews() {
	}

	public record RegisterHousehold(UUID dwellingId, Boolean registered, Tenure tenure, LocalDate movedIn) {
	}

	public record AddResident(UUID householdId, String name, Gender gender, LocalDate birthDate, String idCardNumber,
			String phone, Relation relation, Set<ResidentTag> tags, NewEmploymentKind newEmploymentKind) {

		public AddResident {
			tags = tags == null ? Set.of() : Set.copyOf(tags);
		}
	}

	/** A correction of the fields that may change; the ID number and birth date never do. */
	public record CorrectResident(String name, Gender gender, String phone, Relation relation, Set<ResidentTag> tags,
			NewEmploymentKind newEmploymentKind) {

		public CorrectResident {
			tags = tags == null ? Set.of() : Set.copyOf(tags);
		}
	}

	public record MoveHouse(UUID toDwellingId, LocalDate on) {
	}

	public record MoveOut(LocalDate on) {
	}

	public record AssignLedgerRole(LedgerRole role, LocalDate startedOn, String note) {
	}

	public record ResidentSearch(String name, String phone, String idCardNumber, ResidentTag tag, UUID gridId,
			UUID buildingId, UUID householdId, boolean includeMovedOut, int page, int size) {

		public static final int MAX_SIZE = 100;

		public ResidentSearch {
			page = Math.max(0, page);
			size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
		}

		public ResidentSearch withPage(int newPage, int newSize) {
			return new ResidentSearch(name, phone, idCardNumber, tag, gridId, buildingId, householdId, includeMovedOut,
					newPage, newSize);
		}
	}

	/** A resident as lists and detail pages show him: name, phone and ID number masked. */
	/**
	 * A resident as lists and masked views show him. The birth date itself stays out of them: beside a masked ID number
	 * (5001**********1833) it would leave only two digits to guess. Lists show the birth year and the age.
	 */
	public record ResidentSummary(UUID id, UUID householdId, String name, Gender gender,
			@JsonIgnore LocalDate birthDate, int age, String phone, String idCardNumber, Relation relation,
			List<ResidentTag> tags, NewEmploymentKind newEmploymentKind, String dwellingLabel, UUID gridId,
			UUID buildingId, boolean active, int version) {

		@JsonProperty
		public int birthYear() {
			return birthDate.getYear();
		}
	}

	public record ResidentPage(List<ResidentSummary> items, int page, int size, long total) {

		public boolean hasNext() {
			return (long) (page + 1) * size < total;
		}
	}

	/** The unmasked personal data, returned only by the audited "show full" action. */
	public record ResidentFull(UUID id, String name, String idCardNumber, String phone, LocalDate birthDate) {
	}

	public record HouseholdView(UUID id, UUID dwellingId, String dwellingLabel, UUID buildingId, UUID gridId,
			boolean registered, Tenure tenure, LocalDate movedIn, LocalDate movedOut, UUID headResidentId,
			int version) {
	}

	public record HouseholdHistoryEntry(HouseholdEventKind kind, LocalDate occurredOn, String fromLabel,
			String toLabel, UUID residentId, Instant recordedAt, String recordedBy) {
	}

	public record ResidentVersionEntry(int version, String reason, String name, Relation relation,
			List<ResidentTag> tags, boolean active, Instant recordedAt, String recordedBy) {
	}

	public record LedgerEntry(UUID residentId, String name, String phone, NewEmploymentKind kind,
			String dwellingLabel, List<LedgerRole> roles) {
	}

	public record PeopleCounts(long households, long residents) {
	}

	/**
	 * One household of a bulk load (the demo district, a migration): the dwelling as territory gives it, and its
	 * members in order. {@link PeopleManagement#bulkLoad} checks the dwelling against the caller's scope again.
	 */
	public record BulkHousehold(DwellingRef dwelling, boolean registered, Tenure tenure, LocalDate movedIn,
			List<BulkResident> members) {

		public BulkHousehold {
			members = List.copyOf(members);
		}
	}

	/** A member of a bulk-loaded household, with the ledger roles he plays if he is a new-employment worker. */
	public record BulkResident(String name, Gender gender, String idCardNumber, String phone, Relation relation,
			Set<ResidentTag> tags, NewEmploymentKind newEmploymentKind, List<LedgerRole> ledgerRoles) {

		public BulkResident {
			tags = tags == null ? Set.of() : Set.copyOf(tags);
			ledgerRoles = ledgerRoles == null ? List.of() : List.copyOf(ledgerRoles);
		}
	}

	/** What a bulk load wrote. */
	public record BulkLoadResult(int households, int residents, int ledgerRoles) {
	}
}
