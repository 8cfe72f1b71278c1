package org.zhizhi.people;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.shared.Ids;

/**
 * Test places and people: the territory module's demo data holds no dwellings on this branch, so tests make their own
 * estate, building and dwellings in a grid of the demo tree, and residents with valid but random ID numbers.
 */
final class PeopleFixture {

	record Place(UUID dwellingId, UUID buildingId, UUID gridId, String label) {
	}

	private PeopleFixture() {
	}

	/** A new estate with one building and the given number of dwellings in the first micro-grid of the grid. */
	static List<Place> dwellings(JdbcClient jdbc, String gridName, int count) {
		Map<String, Object> grid = jdbc.sql("SELECT id, parent_id, path FROM territory.org_unit WHERE name = :n")
			.param("n", gridName)
			.query()
			.singleRow();
		UUID gridId = (UUID) grid.get("id");
		Map<String, Object> micro = jdbc.sql("""
				SELECT id, path FROM territory.org_unit WHERE parent_id = :g AND level = 'MICRO_GRID'
				 ORDER BY code LIMIT 1
				""").param("g", gridId).query().listOfRows().stream().findFirst().orElse(grid);
		UUID communityId = (UUID) grid.get("parent_id");
		String communityPath = jdbc.sql("SELECT path FROM territory.org_unit WHERE id = :id")
			.param("id", communityId)
			.query(String.class)
			.single();
		String microPath = (String) micro.get("path");
		UUID districtId = org.zhizhi.shared.DataScope.districtOf(microPath);
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		UUID estateId = Ids.newId();
		jdbc.sql("""
				INSERT INTO territory.estate (id, community_id, name, kind, governance_mode, scope_path, district_id)
				VALUES (:id, :community, :name, 'OLD', 'COMMUNITY_RUN', :path, :district)
				""")
			.param("id", estateId)
			.param("community", communityId)
			.param("name", "test-estate-" + suffix)
			.param("path", communityPath)
			.param("district", districtId)
			.update();
		UUID buildingId = Ids.newId();
		jdbc.sql("""
				INSERT INTO territory.building (id, estate_id, name, grid_id, micro_grid_id, scope_path, district_id)
				VALUES (:id, :estate, 'B1', :grid, :micro, :path, :district)
				""")
			.param("id", buildingId)
			.param("estate", estateId)
			.param("grid", gridId)
			.param("micro", micro.get("id"))
			.param("path", microPath)
			.param("district", districtId)
			.update();
		List<Place> places = new java.util.ArrayList<>();
		for (int i = 1; i <= count; i++) {
			UUID dwellingId = Ids.newId();
			jdbc.sql("""
					INSERT INTO territory.dwelling (id, building_id, label, grid_id, micro_grid_id, scope_path,
					       district_id)
					VALUES (:id, :building, :label, :grid, :micro, :path, :district)
					""")
				.param("id", dwellingId)
				.param("building", buildingId)
				.param("label", String.valueOf(100 + i))
				.param("grid", gridId)
				.param("micro", micro.get("id"))
				.param("path", microPath)
				.param("district", districtId)
				.update();
			places.add(new Place(dwellingId, buildingId, gridId, "test-estate-" + suffix + " B1 " + (100 + i)));
		}
		return places;
	}

	/**
	 * A random ID number with a plausible birth date and the right check digit; its sequence is 500–999, which the
	 * demo residents (000–499) never use, so that a test's resident never collides with a demo one.
	 */
	static String idCardNumber() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 70));
		String first17 = "500113" + birth.toString().replace("-", "") + String.format("%03d", 500 + random.nextInt(500));
		return first17 + PersonalData.checkDigit(first17);
	}

	static String phone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	static Map<String, Object> household(UUID dwellingId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("dwellingId", dwellingId);
		body.put("registered", false);
		body.put("tenure", "RENTER");
		body.put("movedIn", "2023-05-01");
		return body;
	}

	static Map<String, Object> resident(UUID householdId, String name, String idCard, String phone,
			String relation) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("householdId", householdId);
		body.put("name", name);
		body.put("gender", "FEMALE");
		body.put("idCardNumber", idCard);
		body.put("phone", phone);
		body.put("relation", relation);
		body.put("tags", List.of("FLOATING"));
		return body;
	}

	/** An .xlsx with the Chinese headers and the given rows. */
	static byte[] workbook(List<String> headers, List<List<String>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("居民");
			var header = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
			}
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Posts a file as multipart/form-data with a bearer token. */
	static ApiClient.Response upload(int port, String path, String token, byte[] file) {
		String boundary = "----zhizhi" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(head);
		body.writeBytes(file);
		body.writeBytes(tail);
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new ApiClient.Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
