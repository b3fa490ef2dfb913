package org.riskbudget.projection.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxSubscribers    open streams at once, over all regimes; more answer 503
 * @param timeout           how long one stream stays open; the client reconnects (with Last-Event-ID) after it
 * @param heartbeatInterval how often an idle stream gets a comment, so proxies do not close it
 * @param replayMax         the most past changes sent to a client that reconnects with Last-Event-ID
 * @param queueCapacity     changes waiting to be sent; past it, streams are closed so clients reconnect and replay
 */
@ConfigurationProperties("projection.stream")
record StreamSettings(
        @DefaultValue("1000") int maxSubscribers,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("1000") int replayMax,
        @DefaultValue("10000") int queueCapacity) {}
