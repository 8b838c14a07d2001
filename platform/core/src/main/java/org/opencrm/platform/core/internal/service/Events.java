package org.opencrm.platform.core.internal.service;

import java.util.HashMap;
import java.util.Map;

import org.opencrm.platform.api.event.CrmEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts the core's events after the change committed; works (silently) when EventAdmin is absent. */
@Component(service = Events.class)
public class Events {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    public void post(String topic, String actor, Object... keyValues) {
        EventAdmin ea = eventAdmin;
        if (ea == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(CrmEvents.ACTOR, actor);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            props.put((String) keyValues[i], keyValues[i + 1]);
        }
        ea.postEvent(new Event(topic, props));
    }
}
