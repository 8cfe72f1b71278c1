package org.zhizhi.people;

import java.util.List;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.crypto.DataSealing;
import org.zhizhi.shared.crypto.SealedValues;

/**
 * Where people keeps sealed values, for the key rotation: residents' ID numbers and phones (their search hashes are
 * computed again on the way, so that a change of the search algorithm moves with them), the same in every version
 * of a resident (insert-only, but for exactly this: people/V4), and checked imports waiting for confirmation. A value
 * opens with the context it was sealed for and is sealed again for the same one.
 */
final class PersonalDataRekeying {

	private PersonalDataRekeying() {
	}

	private static boolean under(DataSealing sealing, byte[] value) {
		return value == null || sealing.underPrimary(value);
	}

	private record Row(UUID id, int version, byte[] idCard, byte[] phone) {
	}

	/** The row's values sealed again under the ring's primary key, and their hashes; a value already there stays. */
	private record Resealed(byte[] idCard, byte[] idCardHash, byte[] phone, byte[] phoneHash) {

		static Resealed of(Row row, PersonalDataCipher installed, DataSealing ring) {
			PersonalDataCipher cipher = installed.with(ring);
			String idCard = cipher.decrypt(row.idCard(), PersonalDataCipher.idCardContext(row.id()));
			String phone = cipher.decrypt(row.phone(), PersonalDataCipher.phoneContext(row.id()));
			return new Resealed(
					under(ring, row.idCard()) ? row.idCard()
							: cipher.encrypt(idCard, PersonalDataCipher.idCardContext(row.id())),
					cipher.hash(idCard),
					under(ring, row.phone()) ? row.phone()
							: cipher.encrypt(phone, PersonalDataCipher.phoneContext(row.id())),
					cipher.hash(phone));
		}
	}

	@Component
	@Order(1)
	static class CurrentResidents implements SealedValues {

		private final JdbcClient jdbc;

		private final PersonalDataCipher cipher;

		CurrentResidents(JdbcClient jdbc, PersonalDataCipher cipher) {
			this.jdbc = jdbc;
			this.cipher = cipher;
		}

		@Override
		public String label() {
			return "keys.place.residents";
		}

		@Override
		public Count count(DataSealing sealing) {
			return counted(jdbc, "people.resident", sealing);
		}

		@Override
		public int moveBatch(DataSealing sealing, int limit) {
			return moveResidents(jdbc, cipher, sealing, limit, "people.resident", "id", "id = :id");
		}
	}

	@Component
	@Order(2)
	static class ResidentVersions implements SealedValues {

		private final JdbcClient jdbc;

		private final PersonalDataCipher cipher;

		ResidentVersions(JdbcClient jdbc, PersonalDataCipher cipher) {
			this.jdbc = jdbc;
			this.cipher = cipher;
		}

		@Override
		public String label() {
			return "keys.place.residentVersions";
		}

		@Override
		public Count count(DataSealing sealing) {
			return counted(jdbc, "people.resident_version", sealing);
		}

		@Override
		public int moveBatch(DataSealing sealing, int limit) {
			return moveResidents(jdbc, cipher, sealing, limit, "people.resident_version", "resident_id, version",
					"resident_id = :id AND version = :v");
		}
	}

	@Component
	@Order(3)
	static class PendingImports implements SealedValues {

		private final JdbcClient jdbc;

		private final PersonalDataCipher cipher;

		PendingImports(JdbcClient jdbc, PersonalDataCipher cipher) {
			this.jdbc = jdbc;
			this.cipher = cipher;
		}

		@Override
		public String label() {
			return "keys.place.pendingImports";
		}

		@Override
		public Count count(DataSealing sealing) {
			return jdbc.sql("""
					SELECT count(*), count(*) FILTER (WHERE substring(payload FROM 1 FOR 5) = :p)
					  FROM people.pending_import""")
				.param("p", sealing.primaryPrefix())
				.query((rs, n) -> new Count(rs.getLong(1), rs.getLong(2)))
				.single();
		}

		@Override
		public int moveBatch(DataSealing sealing, int limit) {
			record Pending(UUID id, byte[] payload) {
			}
			List<Pending> rows = jdbc.sql("""
					SELECT id, payload FROM people.pending_import WHERE substring(payload FROM 1 FOR 5) <> :p
					 ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED""")
				.param("p", sealing.primaryPrefix())
				.param("n", limit)
				.query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getBytes(2)))
				.list();
			for (Pending row : rows) {
				String context = PersonalDataCipher.importContext(row.id());
				jdbc.sql("UPDATE people.pending_import SET payload = :payload WHERE id = :id")
					.param("payload", cipher.with(sealing).encrypt(cipher.with(sealing).decrypt(row.payload(), context),
							context))
					.param("id", row.id())
					.update();
			}
			return rows.size();
		}
	}

	/**
	 * Seals again, under the ring's primary key, the ID numbers and phones of up to {@code limit} rows of a residents'
	 * table (the residents, or their versions) that are not under it yet, with their search hashes.
	 */
	private static int moveResidents(JdbcClient jdbc, PersonalDataCipher cipher, DataSealing sealing, int limit,
			String table, String order, String row) {
		String idColumn = order.split(",")[0].strip();
		List<Row> rows = jdbc.sql("SELECT " + idColumn + ", version, id_card_cipher, phone_cipher FROM " + table
				+ " WHERE substring(id_card_cipher FROM 1 FOR 5) <> :p OR substring(phone_cipher FROM 1 FOR 5) <> :p"
				+ " ORDER BY " + order + " LIMIT :n FOR UPDATE SKIP LOCKED")
			.param("p", sealing.primaryPrefix())
			.param("n", limit)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBytes(3), rs.getBytes(4)))
			.list();
		for (Row r : rows) {
			Resealed resealed = Resealed.of(r, cipher, sealing);
			jdbc.sql("UPDATE " + table + " SET id_card_cipher = :ic, id_card_hash = :ih, phone_cipher = :pc, "
					+ "phone_hash = :ph WHERE " + row)
				.param("ic", resealed.idCard())
				.param("ih", resealed.idCardHash())
				.param("pc", resealed.phone())
				.param("ph", resealed.phoneHash())
				.param("id", r.id())
				.param("v", r.version())
				.update();
		}
		return rows.size();
	}

	private static SealedValues.Count counted(JdbcClient jdbc, String table, DataSealing sealing) {
		return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE substring(id_card_cipher FROM 1 FOR 5) = :p"
				+ " AND (phone_cipher IS NULL OR substring(phone_cipher FROM 1 FOR 5) = :p)) FROM " + table)
			.param("p", sealing.primaryPrefix())
			.query((rs, n) -> new SealedValues.Count(rs.getLong(1), rs.getLong(2)))
			.single();
	}
}
