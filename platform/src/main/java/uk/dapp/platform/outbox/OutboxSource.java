package uk.dapp.platform.outbox;

/**
 * A collection whose documents carry {@link OutboxEntry entries} in their {@value OutboxEntry#FIELD}
 * field. A service declares one bean per such collection; the collector sweeps them all.
 */
public record OutboxSource(String collection) {
}
