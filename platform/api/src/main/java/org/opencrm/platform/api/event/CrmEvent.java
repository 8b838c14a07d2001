package org.opencrm.platform.api.event;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** An event to post: its topic ({@code crm/<module>/<EVENT>}, see {@link CrmEvents#topic}) and its properties. */
public record CrmEvent(String topic, Map<String, Object> properties) {
    public CrmEvent {
        properties = Collections.unmodifiableMap(new HashMap<>(properties));
    }

    /**
     * An event by {@code actor} (the user name, {@link CrmEvents#ACTOR}) with the properties {@code keyValues}: key,
     * value, key, value, ...; null values are left out (EventAdmin properties cannot hold null).
     */
    public static CrmEvent of(String topic, String actor, Object... keyValues) {
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ACTOR, actor);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                props.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return new CrmEvent(topic, props);
    }
}
