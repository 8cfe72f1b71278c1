package org.zhizhi.incident.persistence;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The partitions of the incident tables (incident, timeline, KPI fact and rollups) for one district. The tables are
 * partitioned by district (incident/V18); the platform's role may not create tables, so the partitions are made by
 * incident.add_district_partitions, which the migration installed as the owner's.
 */
@Repository
public class JdbcDistrictPartitions {

	private final JdbcClient jdbc;

	JdbcDistrictPartitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Makes whichever of the district's partitions are missing; answers how many it made (0 when all were there). */
	public int add(UUID districtId) {
		return jdbc.sql("select incident.add_district_partitions(:district)")
			.param("district", districtId)
			.query(Integer.class)
			.single();
	}
}
