package org.zhizhi.media.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.media.PhotoPosition;
import org.zhizhi.media.StoredPhoto;

/**
 * The rows live in {@code media.photo} (created by incident's V2 and V9 before photos became their own module, moved by
 * media's V1). This class is the only code that touches it.
 */
@Repository
class JdbcPhotoCatalog implements PhotoCatalog {

	private final JdbcClient jdbc;

	JdbcPhotoCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(StoredPhoto photo, Instant createdAt) {
		jdbc.sql("""
				INSERT INTO media.photo (id, source_format, width, height, thumbnail_width, thumbnail_height, bytes,
				                            latitude, longitude, created_at)
				VALUES (:id, :format, :width, :height, :thumbnailWidth, :thumbnailHeight, :bytes,
				        :latitude, :longitude, :createdAt)
				""")
			.param("id", photo.id())
			.param("format", photo.sourceFormat())
			.param("width", photo.width())
			.param("height", photo.height())
			.param("thumbnailWidth", photo.thumbnailWidth())
			.param("thumbnailHeight", photo.thumbnailHeight())
			.param("bytes", photo.bytes())
			.param("latitude", photo.position().map(PhotoPosition::latitude).orElse(null))
			.param("longitude", photo.position().map(PhotoPosition::longitude).orElse(null))
			.param("createdAt", Timestamp.from(createdAt))
			.update();
	}

	@Override
	public Optional<StoredPhoto> find(UUID id) {
		return jdbc.sql("""
				SELECT id, source_format, width, height, thumbnail_width, thumbnail_height, bytes, latitude, longitude
				FROM media.photo WHERE id = :id
				""")
			.param("id", id)
			.query((rs, n) -> {
				double latitude = rs.getDouble("latitude");
				Optional<PhotoPosition> position = rs.wasNull() ? Optional.empty()
						: Optional.of(new PhotoPosition(latitude, rs.getDouble("longitude")));
				return new StoredPhoto(rs.getObject("id", UUID.class), position, rs.getString("source_format"),
						rs.getInt("width"), rs.getInt("height"), rs.getInt("thumbnail_width"),
						rs.getInt("thumbnail_height"), rs.getLong("bytes"));
			})
			.optional();
	}

	@Override
	public boolean remove(UUID id) {
		return jdbc.sql("DELETE FROM media.photo WHERE id = :id").param("id", id).update() > 0;
	}
}
