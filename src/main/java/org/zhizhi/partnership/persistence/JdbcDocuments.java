package org.zhizhi.partnership.persistence;

import static org.zhizhi.partnership.persistence.Rows.ts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.shared.DataScope;

/** The uploaded documents (signed agreements, delivery photos): who uploaded each, and what it is attached to. */
@Repository
public class JdbcDocuments {

	private final JdbcClient jdbc;

	JdbcDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertDocument(UUID id, String mediaType, long size, String sha256, UUID uploadedBy, Instant at) {
		jdbc.sql("""
				insert into partnership.document (id, media_type, size_bytes, sha256, uploaded_by, created_at)
				values (:id, :type, :size, :sha, :by, :at)""")
			.param("id", id)
			.param("type", mediaType)
			.param("size", size)
			.param("sha", sha256)
			.param("by", uploadedBy)
			.param("at", ts(at))
			.update();
	}

	public Optional<String> documentType(UUID id) {
		return jdbc.sql("select media_type from partnership.document where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	public boolean documentUploadedBy(UUID id, UUID accountId) {
		return jdbc.sql("select count(*) from partnership.document where id = :id and uploaded_by = :by")
			.param("id", id)
			.param("by", accountId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether a document is attached to something inside the scope (or, for a liaison, to his unit's work). */
	public boolean documentVisible(UUID id, DataScope scope, UUID liaisonPartner) {
		return jdbc.sql("""
				select exists (select 1 from partnership.agreement a join partnership.partner_unit p on p.id = a.partner_id
				                where a.document_id = :id and p.scope_path like :scope
				                  and (cast(:partner as uuid) is null or p.id = :partner))
				    or exists (select 1 from partnership.delivery_note d join partnership.claim c on c.id = d.claim_id
				                 join partnership.list_item i on i.id = c.item_id
				                where d.document_id = :id and i.scope_path like :scope
				                  and (cast(:partner as uuid) is null or c.partner_id = :partner))""")
			.param("id", id)
			.param("scope", scope.likePattern())
			.param("partner", liaisonPartner)
			.query(Boolean.class)
			.single();
	}
}
