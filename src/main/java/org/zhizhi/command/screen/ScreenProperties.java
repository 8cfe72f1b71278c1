package org.zhizhi.command.screen;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live screen's feed ({@code zhizhi.command.screen.*}).
 *
 * @param pass how often the feed reads new reports while a screen is open: the most a screen lags behind a commit,
 * and the coalescing of a burst (a hundred reports a second reach a screen as four events)
 * @param lookback how far back each read looks again, for reports committed after later ones (a report's instant is
 * taken before its group commits; two nodes' clocks may differ by a little)
 * @param loads how often the grids' loads are sent although no report came (closures lighten a grid too)
 * @param heartbeat an idle connection's comment line, so that proxies keep it and a closed one is found
 * @param queue batches a connection may have waiting before it is cut off to reconnect and replay
 * @param timeout how long one connection lasts before the browser reconnects (and is replayed from its last event)
 */
@Validated
@ConfigurationProperties("zhizhi.command.screen")
public record ScreenProperties(@DefaultValue("250ms") Duration pass, @DefaultValue("5s") Duration lookback,
		@DefaultValue("15s") Duration loads, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("32") @Min(1) @Max(1000) int queue, @DefaultValue("30m") Duration timeout) {
}
