package org.zhizhi.incident.web;

import java.time.Duration;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhizhi.incident.IncidentPhotos;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;

/**
 * Incident photos for the pages (the session's twin of the API's photo endpoint): the desk sees those of its scope, a
 * phone user those of the incidents he may open there.
 */
@Controller
class IncidentPhotoPageController {

	private final IncidentPhotos photos;

	IncidentPhotoPageController(IncidentPhotos photos) {
		this.photos = photos;
	}

	@GetMapping(value = "/incidents/{id}/photos/{photoId}", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable UUID photoId, @RequestParam(defaultValue = "full") String size) {
		// who may see the incident may see its photos: a resident his own and followed reports, a liaison his unit's
		byte[] image = photos.image(actor, id, photoId, "thumbnail".equals(size))
			.orElseThrow(() -> DomainException.notFound("photo"));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(image);
	}
}
