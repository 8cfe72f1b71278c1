package org.zhizhi.people.persistence;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The partitions of the people tables (households, residents, their versions, household events, ledger roles) for one
 * district. The tables are partitioned by district (people/V8); the platform's role may not create tables, so the
 * partitions are made by people.add_district_partitions, which the migration installed as the owner's.
 */
@Repository
public class Partitions {

	private final JdbcClient jdbc;

	Partitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Makes whichever of the district's partitions are missing; answers how many it made (0 when all were there). */
	public int add(UUID districtId) {
		return jdbc.sql("select people.add_district_partitions(:district)")
			.param("district", districtId)
			.query(Integer.class)
			.single();
	}
}
