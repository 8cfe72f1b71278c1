package org.zhizhi.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.persistence.JdbcIncidents;
import org.zhizhi.media.Photos;
import org.zhizhi.media.StoredPhoto;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;

/**
 * Photos of an incident: added by anyone who works in its scope, each a timeline entry, and served only to those who
 * may see the incident — a photo outside the caller's scope does not exist for him.
 */
@Service
public class IncidentPhotos {

	/** Enough for a report, a check-in and a resolution; more is a sign of a script, not of a person. */
	static final int MAX_PER_INCIDENT = 12;

	private final JdbcIncidents incidents;

	private final Photos photos;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IncidentQueries queries;

	IncidentPhotos(JdbcIncidents incidents, Photos photos, JdbcClient jdbc, Clock clock, IncidentQueries queries) {
		this.queries = queries;
		this.incidents = incidents;
		this.photos = photos;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record AttachedPhoto(UUID id, Double lat, Double lng, int width, int height, Instant addedAt) {
	}

	@Transactional
	public AttachedPhoto attach(Actor actor, UUID incidentId, byte[] upload) {
		if (!actor.hasAny(Role.BUSINESS)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		// locking the incident row makes the per-incident limit hold when uploads race
		IncidentView incident = incidents.find(actor.scope(), incidentId)
			.filter(found -> queries.mayView(actor, found))
			.orElseThrow(() -> DomainException.notFound("incident"));
		jdbc.sql("SELECT id FROM incident.incident WHERE id = :id FOR UPDATE").param("id", incident.id()).query().rowSet();
		long attached = jdbc.sql("SELECT count(*) FROM incident.incident_photo WHERE incident_id = :id")
			.param("id", incident.id())
			.query(Long.class)
			.single();
		if (attached >= MAX_PER_INCIDENT) {
			throw new DomainException(Category.CONFLICT, "TOO_MANY_PHOTOS", "incident.photo.tooMany", MAX_PER_INCIDENT);
		}
		StoredPhoto stored = photos.store(upload);
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO incident.incident_photo (incident_id, photo_id, added_at, added_by)
				VALUES (:incident, :photo, :now, :actor)""")
			.param("incident", incident.id())
			.param("photo", stored.id())
			.param("now", Timestamp.from(now))
			.param("actor", actor.userId())
			.update();
		Double lat = stored.position().map(p -> p.latitude()).orElse(null);
		Double lng = stored.position().map(p -> p.longitude()).orElse(null);
		incidents.append(TimelineEntry.of(Ids.newId(clock), incident.id(), now, actor.userId(), actor.displayName(),
				actor.roles().stream().sorted().findFirst().map(Role::name).orElse("UNKNOWN"), IncidentAction.PHOTO,
				incident.state(), incident.state(), lat, lng, null, new TimelineDetail.Photo(stored.id()), null, false,
				List.of()));
		return new AttachedPhoto(stored.id(), lat, lng, stored.width(), stored.height(), now);
	}

	@Transactional(readOnly = true)
	public List<UUID> of(DataScope scope, UUID incidentId) {
		IncidentView incident = incidents.find(scope, incidentId).orElseThrow(() -> DomainException.notFound("incident"));
		return jdbc.sql("SELECT photo_id FROM incident.incident_photo WHERE incident_id = :id ORDER BY added_at, photo_id")
			.param("id", incident.id())
			.query(UUID.class)
			.list();
	}

	/** The photos of an incident as this person may see it (see {@link IncidentQueries#mayView}). */
	@Transactional(readOnly = true)
	public List<UUID> of(Actor actor, UUID incidentId) {
		incidents.find(actor.scope(), incidentId)
			.filter(found -> queries.mayView(actor, found))
			.orElseThrow(() -> DomainException.notFound("incident"));
		return of(actor.scope(), incidentId);
	}

	/** A photo of an incident as this person may see it; empty if he may not, or it is not there. */
	@Transactional(readOnly = true)
	public Optional<byte[]> image(Actor actor, UUID incidentId, UUID photoId, boolean thumbnail) {
		if (!of(actor, incidentId).contains(photoId)) {
			return Optional.empty();
		}
		return thumbnail ? photos.thumbnail(photoId) : photos.photo(photoId);
	}

	/** The served JPEG (or its thumbnail) of a photo of an incident in the scope; empty if either is not there. */
	@Transactional(readOnly = true)
	public Optional<byte[]> image(DataScope scope, UUID incidentId, UUID photoId, boolean thumbnail) {
		if (!of(scope, incidentId).contains(photoId)) {
			return Optional.empty();
		}
		return thumbnail ? photos.thumbnail(photoId) : photos.photo(photoId);
	}
}
