package org.zhizhi.media;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of photos ({@code zhizhi.photos.*}); a value out of range stops the start rather than a resident's
 * upload.
 *
 * @param dir where the files go; unset: {@code ${zhizhi.data-dir}/photos} (a temporary folder for a throwaway database)
 * @param maxBytes the largest upload
 * @param maxPixels the most pixels an image may declare in its header, checked before it is decoded
 * @param servedSize the long side of the photo as served
 * @param thumbnailSize the long side of its thumbnail
 * @param jpegQuality the quality of the re-encoded JPEG, 0.5–1
 * @param heifConvert libheif's {@code heif-convert}: a path or a name on the PATH, {@code none} to refuse HEIC
 * @param heifTimeout how long one HEIC conversion may take
 */
@Validated
@ConfigurationProperties("zhizhi.photos")
public record PhotoProperties(Path dir, @DefaultValue("10485760") @Positive long maxBytes,
		@DefaultValue("40000000") @Positive long maxPixels, @DefaultValue("2560") @Positive int servedSize,
		@DefaultValue("320") @Positive int thumbnailSize,
		@DefaultValue("0.85") @DecimalMin("0.5") @DecimalMax("1.0") float jpegQuality,
		@DefaultValue("heif-convert") @NotBlank String heifConvert, @DefaultValue("30s") @NotNull Duration heifTimeout) {

	/** The limits the processor applies. */
	public PhotoLimits limits() {
		return new PhotoLimits(maxBytes, maxPixels, servedSize, thumbnailSize, jpegQuality);
	}
}
