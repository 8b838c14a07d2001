package org.opencrm.module.channel.internal.service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.opencrm.module.channel.internal.ChannelNames;
import org.opencrm.platform.api.activity.ActivityRecorder;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What the module writes about what it did, inside the transaction of the change: the audit trail (attributed to the
 * partner's account, so the partner's own users read it), the account's timeline and the crm/channel/* event (posted
 * when the transaction commits).
 */
@Component(service = ChannelRecords.class)
public class ChannelRecords {
    private final AuditTrail audit;
    private final TimelineService timeline;
    private final CrmEventPublisher events;
    private final BusinessClock clock;
    private final ActivityRecorder activities;

    @Activate
    public ChannelRecords(@Reference AuditTrail audit, @Reference TimelineService timeline, @Reference CrmEventPublisher events, @Reference BusinessClock clock,
            @Reference ActivityRecorder activities) {
        this.audit = audit;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
        this.activities = activities;
    }

    /**
     * A core activity on the partner's account (in its activities, its owner's list and, as {@code ACTIVITY_<type>},
     * on its timeline), for {@code owner} (null: the actor), due {@code due}; its id. In the change's transaction.
     * {@code subject}: the English words (searched); {@code wording}: the same as the module's text, said in each reader's language.
     */
    public long activity(long accountId, String type, String subject, ActivityRecorder.Wording wording, LocalDate due, String owner, String actor) {
        return activities.record(actor, new ActivityRecorder.NewActivity(ChannelNames.ID, type, subject, null, due, owner, accountId, null), wording, false);
    }

    public void audit(String actor, String recordType, Object recordId, String action, Map<String, ?> changes, long accountId) {
        audit.record(actor, "channel." + recordType, String.valueOf(recordId), action, changes, accountId);
    }

    /** An entry of the whole company (the catalogue, price lists, programmes): read by HQ only. */
    public void audit(String actor, String recordType, Object recordId, String action, Map<String, ?> changes) {
        audit.record(actor, "channel." + recordType, String.valueOf(recordId), action, changes);
    }

    /** An entry on the partner account's timeline; {@code type} is a key of the module's timeline types (e.g. "channel.order"). */
    /** A fact on the partner's timeline: {@code title} in English, {@code titleKey} and its values said in the reader's language. */
    public void timeline(long accountId, String type, String title, String detail, String actor, String refType, Object refId, String titleKey,
            Object... titleArgs) {
        timeline.record(new TimelineEntry(null, null, accountId, ChannelNames.ID, type, title, detail, clock.now(), actor, refType, String.valueOf(refId))
                .withTitleKey(titleKey, titleArgs));
    }

    public void event(String topic, String actor, long accountId, Object... keyValues) {
        Object[] all = new Object[keyValues.length + 2];
        all[0] = "accountId";
        all[1] = accountId;
        System.arraycopy(keyValues, 0, all, 2, keyValues.length);
        events.post(topic, actor, all);
    }

    /** A map of the pairs, in order, for an audit entry. */
    public static Map<String, Object> changes(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return m;
    }
}
