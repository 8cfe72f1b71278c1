package org.zhizhi.citylink.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhizhi.citylink.CitylinkCommands.ReceiveOrder;
import org.zhizhi.citylink.CitylinkViews.OrderView;
import org.zhizhi.citylink.CityOrders;
import org.zhizhi.citylink.CityOrders.Received;
import org.zhizhi.citylink.OrderSource;
import org.zhizhi.citylink.PlatformLink;

/**
 * The city platforms' door: {@code POST /api/v1/citylink/orders} with the platform's key as a bearer token. The first
 * delivery of an order answers 201 with its incident; every redelivery 200 with the same body.
 */
@RestController
@Tag(name = "citylink", description = "城市平台对接 (141, 12345): webhook subscribers, the signed feed's delivery log, "
		+ "city platform keys and their work orders")
class CityOrderApiController {

	/** The answer to an order: which incident it is, and when the order first arrived. */
	record OrderAnswer(OrderSource source, String externalId, UUID incidentId, Instant receivedAt) {

		static OrderAnswer of(OrderView order) {
			return new OrderAnswer(order.source(), order.externalId(), order.incidentId(), order.receivedAt());
		}
	}

	private final CityOrders orders;

	CityOrderApiController(CityOrders orders) {
		this.orders = orders;
	}

	@PostMapping(PlatformKeyFilter.ORDERS)
	@Operation(summary = "A city platform (12345 hotline, 141) hands over a work order: it becomes one incident by the "
			+ "HOTLINE_12345 channel; a redelivery of the same external id answers the same incident (200)")
	ResponseEntity<OrderAnswer> receive(HttpServletRequest request, @RequestBody ReceiveOrder body) {
		PlatformLink link = (PlatformLink) request.getAttribute(PlatformKeyFilter.LINK_ATTRIBUTE);
		Received received = orders.receive(link, body);
		OrderAnswer answer = OrderAnswer.of(received.order());
		if (received.created()) {
			return ResponseEntity.created(URI.create("/api/v1/incidents/" + answer.incidentId())).body(answer);
		}
		return ResponseEntity.status(HttpStatus.OK).body(answer);
	}
}
