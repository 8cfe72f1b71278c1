package org.zhizhi.citylink;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.citylink.CitylinkCommands.ReceiveOrder;
import org.zhizhi.citylink.CitylinkViews.OrderView;
import org.zhizhi.citylink.persistence.JdbcCityOrders;
import org.zhizhi.incident.BindingDeadline;
import org.zhizhi.incident.Channel;
import org.zhizhi.incident.IncidentDetail;
import org.zhizhi.incident.IncidentManagement;
import org.zhizhi.incident.ReportIncident;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * The inbound adapter: a city platform's work order becomes one incident, by the {@code HOTLINE_12345} channel, with
 * the order's external id kept beside it. The order's key (district, source, external id) is taken first, in the same
 * transaction as the incident: a redelivery — after the first, or at the same moment, when it waits for the first's
 * commit — finds the key taken and answers the incident the first made; a refused order (unknown category, a place
 * outside the district's grids, a deadline passed or absurdly far: {@link OrderDeadline}) takes no key and makes
 * nothing. An order's deadline binds its incident ({@code BindingDeadline}): it is due to resolve by it. The steps of
 * the incident go back to the source's callback subscribers through the feed, the external id in every body.
 */
@Service
public class CityOrders {

	/** An order's answer: the same for the first delivery ({@code created}) and every redelivery. */
	public record Received(boolean created, OrderView order) {
	}

	private final JdbcCityOrders orders;

	private final IncidentManagement incidents;

	private final CitylinkSeal seal;

	private final CommandShape shape;

	private final Clock clock;

	CityOrders(JdbcCityOrders orders, IncidentManagement incidents, CitylinkSeal seal, CommandShape shape,
			Clock clock) {
		this.orders = orders;
		this.incidents = incidents;
		this.seal = seal;
		this.shape = shape;
		this.clock = clock;
	}

	@Transactional
	public Received receive(PlatformLink link, ReceiveOrder order) {
		List<FieldProblem> more = new ArrayList<>();
		if (order.source() != null && order.source() != link.source()) {
			more.add(new FieldProblem("source", "citylink.sourceNotThisKeys"));
		}
		shape.check(order, more);
		UUID district = DataScope.districtOf(link.scope().path());
		String externalId = order.externalId().strip();
		Instant now = clock.instant();
		boolean taken = orders.take(new JdbcCityOrders.NewOrder(district, order.source(), externalId,
				link.scope().path(), link.id(), blankToNull(order.address()),
				seal.sealContact(district, order.source(), externalId, "name", order.contactName()),
				seal.sealContact(district, order.source(), externalId, "phone", order.contactPhone()),
				order.deadline()), now);
		if (taken) {
			// judged only now, on the first delivery: a redelivery answers its incident even after the deadline
			// passed; thrown here, the problem undoes the key just taken, so nothing is written
			OrderDeadline.problem(order.deadline(), now).ifPresent(problem -> {
				throw DomainException.invalid(List.of(problem));
			});
			Actor platform = PlatformLinks.actorFor(link);
			IncidentDetail made = incidents.reportFromCityPlatform(platform, new ReportIncident(Channel.HOTLINE_12345,
					order.categoryCode().strip(), description(order, externalId), order.lat(), order.lng()),
					order.deadline() == null ? null : new BindingDeadline(order.source().name(),
							order.deadline().truncatedTo(ChronoUnit.MICROS)));
			orders.madeIncident(district, order.source(), externalId, made.incident().id());
			return new Received(true, orders.ofIncident(made.incident().id()).orElseThrow());
		}
		return new Received(false, orders.redelivered(district, order.source(), externalId, now)
			// the key's row is committed before anyone else finds it taken: it is there
			.orElseThrow(() -> new IllegalStateException("an order key taken and not found: " + externalId)));
	}

	/** The orders the district received, newest first (the desk page). */
	public List<OrderView> recent(Actor actor, int limit) {
		Subscribers.requireManager(actor);
		return orders.orders(actor.scope(), limit);
	}

	/** The incident's description: the platform's words, with its order number and address, as a desk reads them. */
	static String description(ReceiveOrder order, String externalId) {
		String label = order.source() == OrderSource.HOTLINE_12345 ? "12345工单" : "141任务";
		String address = blankToNull(order.address());
		return "【" + label + " " + externalId + "】" + order.description().strip()
				+ (address == null ? "" : "（地址：" + address + "）");
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
