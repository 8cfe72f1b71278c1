package org.zhizhi.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.media.PhotosHeicTests.heic;
import static org.zhizhi.media.PhotosTests.image;
import static org.zhizhi.media.PhotosTests.jpeg;
import static org.zhizhi.media.PhotosTests.tiffWithGps;
import static org.zhizhi.media.PhotosTests.withExif;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.media.processing.HeifConverter;
import org.zhizhi.media.processing.PhotoFormat;
import org.zhizhi.media.store.FileSystemPhotoStore;
import org.zhizhi.ZhizhiIntegrationTest;

/** A photo's metadata row and its files travel together through the real database and the configured store. */
@ZhizhiIntegrationTest
class PhotosIntegrationTests {

	@Autowired
	Photos photos;

	@Autowired
	PhotoStore store;

	@Autowired
	JdbcClient jdbc;

	@Test
	void keepsTheMetadataRowWithThePositionAndServesTheFilesUntilDeleted() throws IOException {
		StoredPhoto stored = photos
			.store(withExif(jpeg(image(800, 600, false)), tiffWithGps(1, 29, 31, 48, 'S', 106, 33, 36, 'W')));

		assertThat(photos.find(stored.id())).hasValue(stored);
		assertThat(stored.position()).hasValueSatisfying(p -> {
			assertThat(p.latitude()).isNegative();
			assertThat(p.longitude()).isNegative();
		});
		assertThat(photos.photo(stored.id())).isPresent();
		assertThat(photos.thumbnail(stored.id())).isPresent();
		assertThat(((FileSystemPhotoStore) store).root().toString()).contains("zhizhi-photos-");

		// the row is media's, in its own schema; incident keeps only the links to it
		assertThat(jdbc.sql("SELECT count(*) FROM media.photo WHERE id = :id").param("id", stored.id())
			.query(Long.class).single()).isOne();
		assertThat(jdbc.sql("SELECT to_regclass('incident.photo') IS NULL").query(Boolean.class).single()).isTrue();

		photos.delete(stored.id());

		assertThat(photos.find(stored.id())).isEmpty();
		assertThat(photos.photo(stored.id())).isEmpty();
		assertThat(store.get(stored.id().toString())).isEmpty();
	}

	@Autowired
	HeifConverter heifConverter;

	@Test
	void aHeicIsConvertedByTheConfiguredToolAndItsRowSaysHeic() throws IOException {
		assertThat(heifConverter.available()).as(PhotosHeicTests.INSTALL).isTrue();

		StoredPhoto stored = photos
			.store(heic(withExif(jpeg(image(800, 600, false)), tiffWithGps(1, 29, 31, 48, 'N', 106, 33, 36, 'E'))));

		assertThat(photos.find(stored.id())).hasValueSatisfying(row -> {
			assertThat(row.sourceFormat()).isEqualTo("HEIC");
			assertThat(row.position()).isPresent();
			assertThat(row.width()).isEqualTo(800);
		});
		assertThat(PhotoFormat.sniff(photos.photo(stored.id()).orElseThrow())).hasValue(PhotoFormat.JPEG);
		assertThat(photos.thumbnail(stored.id())).isPresent();
	}
}
