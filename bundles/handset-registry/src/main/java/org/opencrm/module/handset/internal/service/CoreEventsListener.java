package org.opencrm.module.handset.internal.service;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.event.CrmEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the module's references to core records current: a merged contact's units and cards move to the surviving
 * contact. (A moved account needs nothing here: the data scope is the core's, read at each request.)
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + CrmEvents.CONTACT_MERGED)
public class CoreEventsListener implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CoreEventsListener.class);
    private final JpaTemplate jpa;
    private final AuditTrail audit;

    @Activate
    public CoreEventsListener(@Reference(target = "(osgi.unit.name=crm-handset)") JpaTemplate jpa, @Reference AuditTrail audit) {
        this.jpa = jpa;
        this.audit = audit;
    }

    @Override
    public void handleEvent(Event event) {
        try {
            if (CrmEvents.CONTACT_MERGED.equals(event.getTopic())) {
                contactMerged(String.valueOf(event.getProperty(CrmEvents.ACTOR)), ((Number) event.getProperty(CrmEvents.SOURCE_ID)).longValue(),
                        ((Number) event.getProperty(CrmEvents.TARGET_ID)).longValue());
            }
        } catch (RuntimeException e) {
            LOG.error("Could not apply {} to the handset registry", event.getTopic(), e);
        }
    }

    void contactMerged(String actor, long sourceId, long targetId) {
        jpa.tx(TransactionType.Required, em -> {
            int units = em.createQuery("UPDATE Handset h SET h.ownerContactId = :t WHERE h.ownerContactId = :s").setParameter("t", targetId)
                    .setParameter("s", sourceId).executeUpdate();
            int cards = em.createQuery("UPDATE Sale s SET s.contactId = :t WHERE s.contactId = :s").setParameter("t", targetId)
                    .setParameter("s", sourceId).executeUpdate();
            if (units + cards > 0) {
                audit.record(actor, HandsetService.RECORD, "contact-" + sourceId, "owner-merged",
                        java.util.Map.of("from", sourceId, "to", targetId, "units", units, "cards", cards));
            }
        });
    }
}
