package org.zhizhi.partnership;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zhizhi.partnership.persistence.Board;
import org.zhizhi.partnership.persistence.JdbcBoards;
import org.zhizhi.partnership.persistence.JdbcDocuments;
import org.zhizhi.partnership.persistence.JdbcPartners;
import org.zhizhi.media.Documents;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.Sha256;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Who acts in partnership and how far he reaches — staff within their scope, a liaison for his own unit only — and
 * the documents they upload. The commands are along the aggregates: {@link Partners} (units, liaisons, agreements),
 * {@link ListItems} (the three lists) and {@link Claims} (two-way claims and their delivery).
 */
@Service
public class PartnershipManagement {

	/** Community staff and the tiers above run the lists of the communities in their scope. */
	public static final Set<Role> STAFF = PartnershipRoles.STAFF;

	/**
	 * Who is acting and what he may see: the scope, for a liaison his one unit, and the roles he acts with here (what
	 * the life-cycle tables ask; the policies add the unit).
	 */
	public record Access(DataScope scope, UUID partnerId, boolean staff, Set<Role> roles) {

		public boolean liaison() {
			return partnerId != null && !staff;
		}
	}

	private final JdbcBoards boards;

	private final JdbcPartners partners;

	private final JdbcDocuments documentRows;

	private final OrgUnitQueries orgUnits;

	private final Documents documents;

	private final Clock clock;

	private final ZoneId zone;

	PartnershipManagement(JdbcBoards boards, JdbcPartners partners, JdbcDocuments documentRows, OrgUnitQueries orgUnits,
			Documents documents, Clock clock, ZoneId zone) {
		this.boards = boards;
		this.partners = partners;
		this.documentRows = documentRows;
		this.orgUnits = orgUnits;
		this.documents = documents;
		this.clock = clock;
		this.zone = zone;
	}

	int thisYear() {
		return LocalDate.now(clock.withZone(zone)).getYear();
	}

	/** Staff see their scope; a liaison his unit's community and, of the pledges, only his unit's. Others nothing. */
	public Access access(Actor actor) {
		if (actor.hasAny(STAFF)) {
			return new Access(actor.scope(), null, true, actor.roles());
		}
		if (actor.has(Role.PARTNER_LIAISON)) {
			UUID partner = partners.partnerOfLiaison(actor.userId()).orElse(null);
			if (partner != null) {
				return new Access(partners.partnerScope(partner), partner, false, Set.of(Role.PARTNER_LIAISON));
			}
		}
		throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
	}

	/** Whether the roles open the partnership desk at all (the navigation; a liaison still needs his unit). */
	public static boolean mayOpenDesk(Actor actor) {
		return actor.hasAny(STAFF) || actor.has(Role.PARTNER_LIAISON);
	}

	/** Whether the user works with the partnership pages at all (for the navigation). */
	public boolean mayUse(Actor actor) {
		return actor.hasAny(STAFF)
				|| actor.has(Role.PARTNER_LIAISON) && partners.partnerOfLiaison(actor.userId()).isPresent();
	}

	Access staff(Actor actor) {
		Access access = access(actor);
		if (!access.staff()) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		return access;
	}

	/** The community of the staff member's scope, or the one named inside it; remembered for the public page. */
	Board community(Actor actor, UUID communityId) {
		UUID id = communityId != null ? communityId : actor.scope().orgUnitId();
		OrgUnit unit = orgUnits.find(actor.scope(), id).orElse(null);
		if (unit == null || unit.level() != OrgLevel.COMMUNITY) {
			throw DomainException.invalid(List.of(new FieldProblem("communityId", "partnership.communityRequired")));
		}
		Board board = new Board(unit.id(), unit.code(), unit.name(), unit.path(), DataScope.districtOf(unit.path()));
		boards.ensureBoard(board);
		return board;
	}

	// ---- documents ---------------------------------------------------------------------------------------------

	/** Stores a checked upload — a photo, or for agreements a PDF too — and answers its id. */
	@Transactional
	public UUID upload(Actor actor, byte[] bytes, boolean pdfAllowed) {
		access(actor);
		Documents.Checked checked = documents.check(bytes,
				pdfAllowed ? Documents.Accept.IMAGE_OR_PDF : Documents.Accept.IMAGE);
		UUID id = Ids.newId(clock);
		// the file first: a row never points at a missing file
		documents.put(id, checked.bytes());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// the command this upload serves may still be refused: then its row rolls back, and so does the file
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_ROLLED_BACK) {
						documents.delete(id);
					}
				}
			});
		}
		documentRows.insertDocument(id, checked.mediaType(), checked.bytes().length,
				Sha256.hex(checked.bytes()), actor.userId(), clock.instant());
		return id;
	}

	/**
	 * Uploads a document and runs the command that attaches it, in one transaction: a form that sends the photo with
	 * its note (a page has no separate upload step) leaves no unattached document behind when the command is
	 * refused. Without bytes the command runs with no document.
	 */
	@Transactional
	public <T> T withDocument(Actor actor, byte[] bytes, boolean pdfAllowed, Function<UUID, T> command) {
		UUID id = bytes == null || bytes.length == 0 ? null : upload(actor, bytes, pdfAllowed);
		return command.apply(id);
	}

	public record StoredDocument(byte[] bytes, String mediaType) {
	}

	@Transactional(readOnly = true)
	public StoredDocument document(Actor actor, UUID id) {
		Access access = access(actor);
		if (!documentRows.documentUploadedBy(id, actor.userId())
				&& !documentRows.documentVisible(id, access.scope(), access.liaison() ? access.partnerId() : null)) {
			throw DomainException.notFound("document");
		}
		String type = documentRows.documentType(id).orElseThrow(() -> DomainException.notFound("document"));
		return new StoredDocument(documents.get(id).orElseThrow(() -> DomainException.notFound("document")), type);
	}
}
