package org.zhizhi.incident.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.zhizhi.incident.IncidentPhotos;
import org.zhizhi.incident.IncidentPhotos.AttachedPhoto;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/incidents/{id}/photos")
@Tag(name = "incidents", description = "The whistle: incidents from report to claim")
class IncidentPhotoApiController {

	private final IncidentPhotos photos;

	IncidentPhotoApiController(IncidentPhotos photos) {
		this.photos = photos;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Add a photo (JPEG, PNG, WebP or HEIC); its GPS position is read, then it is kept without metadata")
	ResponseEntity<AttachedPhoto> attach(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestPart("file") MultipartFile file) throws IOException {
		AttachedPhoto photo = photos.attach(actor, id, file.getBytes());
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + id + "/photos/" + photo.id())).body(photo);
	}

	@GetMapping
	@Operation(summary = "The ids of the incident's photos, oldest first")
	List<UUID> list(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return photos.of(actor, id);
	}

	@GetMapping(value = "/{photoId}", produces = MediaType.IMAGE_JPEG_VALUE)
	@Operation(summary = "A photo as a metadata-free JPEG; size=thumbnail for the 320 px version")
	ResponseEntity<byte[]> image(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@PathVariable UUID photoId, @RequestParam(defaultValue = "full") String size) {
		byte[] image = photos.image(actor, id, photoId, "thumbnail".equals(size))
			.orElseThrow(() -> DomainException.notFound("photo"));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(image);
	}
}
