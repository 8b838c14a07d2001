package org.opencrm.module.membership.internal.service;

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
 * Keeps the module's copies of core facts current: a changed contact's name, mobile and birthday; a merged contact's
 * membership moves to the surviving contact when that one is no member yet. (A moved account needs nothing here: the
 * data scope is the core's, read at each request.)
 */
@Component(service = EventHandler.class, property = { EventConstants.EVENT_TOPIC + "=" + CrmEvents.CONTACT_UPDATED,
        EventConstants.EVENT_TOPIC + "=" + CrmEvents.CONTACT_MERGED })
public class CoreEventsListener implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CoreEventsListener.class);
    private final JpaTemplate jpa;
    private final MemberService members;
    private final AuditTrail audit;

    @Activate
    public CoreEventsListener(@Reference(target = "(osgi.unit.name=crm-membership)") JpaTemplate jpa, @Reference MemberService members,
            @Reference AuditTrail audit) {
        this.jpa = jpa;
        this.members = members;
        this.audit = audit;
    }

    @Override
    public void handleEvent(Event event) {
        try {
            switch (event.getTopic()) {
                case CrmEvents.CONTACT_UPDATED -> members.contactChanged(((Number) event.getProperty(CrmEvents.ID)).longValue());
                case CrmEvents.CONTACT_MERGED -> merged(String.valueOf(event.getProperty(CrmEvents.ACTOR)),
                        ((Number) event.getProperty(CrmEvents.SOURCE_ID)).longValue(), ((Number) event.getProperty(CrmEvents.TARGET_ID)).longValue());
                default -> {
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Could not apply {} to the membership module", event.getTopic(), e);
        }
    }

    void merged(String actor, long source, long target) {
        jpa.tx(TransactionType.Required, em -> {
            boolean targetIsMember = !em.createQuery("SELECT m.id FROM Member m WHERE m.contactId = :c", Long.class).setParameter("c", target)
                    .getResultList().isEmpty();
            if (targetIsMember) {
                LOG.warn("Contacts {} and {} were merged and both are members: the memberships stay apart (merge them by hand)", source, target);
                return;
            }
            int n = em.createQuery("UPDATE Member m SET m.contactId = :t WHERE m.contactId = :s").setParameter("t", target).setParameter("s", source)
                    .executeUpdate();
            if (n > 0) {
                audit.record(actor, MemberService.RECORD, "contact-" + source, "contact-merged", java.util.Map.of("from", source, "to", target));
            }
        });
        members.contactChanged(target);
    }
}
