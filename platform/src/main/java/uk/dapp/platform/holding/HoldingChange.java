package uk.dapp.platform.holding;

import java.util.Map;

/**
 * One change of another service's hold on a case, as an outbox payload: the case, the opaque key of
 * the holding thing (a referral ID, a partner track reference), whether it is held now, and the
 * sequence of the change (it only grows for one key). Nothing else travels (ADR 0009).
 *
 * @param keyField the payload's (and the receiver's event's) name for the key, e.g. {@code referralId}
 */
public record HoldingChange(String caseId, String keyField, String key, boolean held, long sequence) {

    public Map<String, Object> payload() {
        return Map.of("caseId", caseId, keyField, key, "held", held, "sequence", sequence);
    }

    public static HoldingChange of(Map<String, Object> payload, String keyField) {
        return new HoldingChange((String) payload.get("caseId"), keyField, (String) payload.get(keyField),
                (Boolean) payload.get("held"), ((Number) payload.get("sequence")).longValue());
    }
}
