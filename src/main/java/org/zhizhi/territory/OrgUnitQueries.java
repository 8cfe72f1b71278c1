package org.zhizhi.territory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.persistence.JdbcOrgUnits;

/**
 * Reads of the management tree. Every read takes the caller's {@link DataScope} and returns only nodes inside it: a
 * node outside the scope is indistinguishable from one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class OrgUnitQueries {

	/** Lists are capped so that a careless query cannot pull a whole city into one page. */
	public static final int LIST_LIMIT = 2000;

	private final JdbcOrgUnits orgUnits;

	OrgUnitQueries(JdbcOrgUnits orgUnits) {
		this.orgUnits = orgUnits;
	}

	public Optional<OrgUnit> find(DataScope scope, UUID id) {
		return orgUnits.find(scope, id);
	}

	/** Those of the nodes inside the scope, by id, in one query: a node outside it is absent as if it did not exist. */
	public Map<UUID, OrgUnit> findAll(DataScope scope, Collection<UUID> ids) {
		return orgUnits.findAll(scope, ids).stream().collect(Collectors.toMap(OrgUnit::id, unit -> unit));
	}

	public List<OrgUnit> list(DataScope scope, OrgUnitFilter filter) {
		return orgUnits.list(scope, filter, LIST_LIMIT);
	}

	/** The nodes from the scope node down to the given node (for breadcrumbs); empty if the node is out of scope. */
	public List<OrgUnit> lineage(DataScope scope, UUID id) {
		return orgUnits.lineage(scope, id);
	}

	/** How many nodes of each level the scope holds, the scope node itself included. */
	public Map<OrgLevel, Long> countByLevel(DataScope scope) {
		return orgUnits.countByLevel(scope);
	}

	/** The names of those of the nodes inside the scope, by id — for labelling many rows with one query. */
	public Map<UUID, String> names(DataScope scope, Collection<UUID> ids) {
		return orgUnits.names(scope, ids);
	}

	/** How many children each of the given nodes has, for tree views that show which rows can be opened. */
	public Map<UUID, Long> childCounts(DataScope scope, List<UUID> parentIds) {
		return orgUnits.childCounts(scope, parentIds);
	}

	/**
	 * The node an account is bound to, looked up without a scope: only for turning an account's binding into its
	 * {@link DataScope} at sign-in, never for showing data.
	 */
	public Optional<OrgUnit> bindingOf(UUID orgUnitId) {
		return orgUnits.findUnscoped(orgUnitId);
	}

	public boolean isEmpty() {
		return orgUnits.count() == 0;
	}
}
