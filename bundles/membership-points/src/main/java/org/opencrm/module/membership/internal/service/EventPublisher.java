package org.opencrm.module.membership.internal.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.event.CrmEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts the module's events once the change committed; works (silently) when EventAdmin is absent. */
@Component(service = EventPublisher.class)
public class EventPublisher {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    /** An event to post after the transaction: the topic and its properties. */
    public record Pending(String topic, Map<String, Object> properties) {
        public static Pending of(String topic, String actor, Object... keyValues) {
            Map<String, Object> props = new HashMap<>();
            props.put(CrmEvents.ACTOR, actor);
            for (int i = 0; i + 1 < keyValues.length; i += 2) {
                if (keyValues[i + 1] != null) {
                    props.put((String) keyValues[i], keyValues[i + 1]);
                }
            }
            return new Pending(topic, props);
        }
    }

    public void post(List<Pending> events) {
        EventAdmin ea = eventAdmin;
        if (ea == null) {
            return;
        }
        for (Pending p : events) {
            ea.postEvent(new Event(p.topic(), p.properties()));
        }
    }
}
