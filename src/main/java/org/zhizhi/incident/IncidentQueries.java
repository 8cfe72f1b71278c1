package org.zhizhi.incident;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.persistence.JdbcIncidents;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Paging;
import org.zhizhi.shared.DomainException;

/** Reads of incidents, always inside the caller's scope: one outside it looks exactly like one that does not exist. */
@Service
@Transactional(readOnly = true)
public class IncidentQueries {

	public static final int PAGE_SIZE = 50;


	private final JdbcIncidents incidents;

	IncidentQueries(JdbcIncidents incidents) {
		this.incidents = incidents;
	}

	public Optional<IncidentDetail> find(DataScope scope, UUID id) {
		return incidents.find(scope, id).map(i -> new IncidentDetail(i, incidents.timeline(id)));
	}

	public IncidentDetail get(DataScope scope, UUID id) {
		return find(scope, id).orElseThrow(() -> DomainException.notFound("incident"));
	}

	/** The active categories, class by class, in the order a form offers them. */
	public List<IncidentCategory> categories() {
		return incidents.categories();
	}

	/** A page of incidents, newest first, optionally of one state and one grid. */
	public List<Incident> list(DataScope scope, IncidentState state, UUID gridId, int page) {
		int offset = Paging.offset(page, PAGE_SIZE);
		return incidents.list(scope, state, gridId, PAGE_SIZE, offset);
	}
}
