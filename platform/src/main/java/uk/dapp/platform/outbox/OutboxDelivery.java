package uk.dapp.platform.outbox;

/**
 * Hands messages of the given types to one destination, normally through the receiver's generated
 * client inside {@link uk.dapp.platform.calls.ServiceCalls} (timeout, retry, circuit breaker).
 * Returning normally means the receiver acknowledged. Throw
 * {@link uk.dapp.platform.calls.CallRejectedException} for a refusal that repeating cannot cure;
 * anything else is retried later.
 */
public interface OutboxDelivery {

    String destination();

    boolean handles(String type);

    void deliver(OutboxMessage message) throws Exception;
}
