package org.riskbudget.ledger.idempotency;

import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * A caller's idempotency key and the hash of the request it was sent with. Keys are scoped per caller, so one
 * caller's key can neither collide with nor reveal another's.
 */
public record IdempotencyKey(String principal, String key, String requestHash) {

    static final String PRINCIPAL = "idempotency.principal";
    static final String KEY = "idempotency.key";
    static final String REQUEST_HASH = "idempotency.requestHash";
    public static final int MAX_KEY_LENGTH = 200;

    public MetaData asMetaData() {
        return MetaData.from(Map.of(PRINCIPAL, principal, KEY, key, REQUEST_HASH, requestHash));
    }

    static IdempotencyKey from(MetaData metaData) {
        Object key = metaData.get(KEY);
        if (key == null) {
            return null;
        }
        return new IdempotencyKey((String) metaData.get(PRINCIPAL), (String) key, (String) metaData.get(REQUEST_HASH));
    }
}
