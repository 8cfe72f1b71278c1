package org.zhizhi.media;

import java.nio.file.Path;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of documents ({@code zhizhi.documents.*}).
 *
 * @param dir where the files go; unset: {@code ${zhizhi.data-dir}/documents} (a temporary folder for a throwaway
 *     database)
 * @param maxBytes the largest document; a photo of a document is also held to {@code zhizhi.photos.*}
 */
@Validated
@ConfigurationProperties("zhizhi.documents")
public record DocumentProperties(Path dir, @DefaultValue("10485760") @Positive long maxBytes) {
}
