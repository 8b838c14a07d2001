package org.opencrm.platform.api.event;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's one way to post a fact for other modules: after the change that caused it committed, never for a
 * change that rolled back. A service of the core; modules reference it instead of EventAdmin.
 *
 * <p>Caller contract: call it either inside the JTA transaction of the change (the platform holds the event and posts
 * it when that transaction commits, drops it when it rolls back, so a retried attempt posts nothing) or after the
 * transaction returned. Without a transaction the event is posted at once. EventAdmin is optional: without it events
 * are dropped silently (a module must never depend on anyone listening).
 */
@ProviderType
public interface CrmEventPublisher {
    /** Posts {@code event} after the current transaction commits, or at once outside a transaction. */
    void post(CrmEvent event);

    /** {@link #post(CrmEvent)} of each, in order. */
    default void post(List<CrmEvent> events) {
        events.forEach(this::post);
    }

    /** {@link #post(CrmEvent)} of {@link CrmEvent#of(String, String, Object...)}. */
    default void post(String topic, String actor, Object... keyValues) {
        post(CrmEvent.of(topic, actor, keyValues));
    }
}
