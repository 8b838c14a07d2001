package org.opencrm.module.repair.internal.service;

import java.util.Map;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.event.CrmEvents;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** When the core merges two contacts, their service requests and repair orders follow to the surviving contact. */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + CrmEvents.CONTACT_MERGED)
public class ContactMerges implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ContactMerges.class);
    private final RepairContext ctx;

    @Activate
    public ContactMerges(@Reference RepairContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handleEvent(Event event) {
        try {
            long source = ((Number) event.getProperty(CrmEvents.SOURCE_ID)).longValue();
            long target = ((Number) event.getProperty(CrmEvents.TARGET_ID)).longValue();
            merged(new CrmUser(String.valueOf(event.getProperty(CrmEvents.ACTOR)), CrmUser.SYSTEM.roles(), CrmUser.SYSTEM.grantedPermissions(),
                    CrmUser.SYSTEM.scope()), source, target);
        } catch (RuntimeException e) {
            LOG.error("Could not move the repairs of a merged contact", e);
        }
    }

    /** Re-points requests and orders from {@code source} to {@code target}; returns how many rows moved. */
    int merged(CrmUser actor, long source, long target) {
        return ctx.jpa().txExpr(TransactionType.Required, em -> {
            int n = 0;
            for (String entity : new String[] { "ServiceRequest", "RepairOrder" }) {
                n += em.createQuery("UPDATE " + entity + " x SET x.contactId = :t WHERE x.contactId = :s").setParameter("t", target)
                        .setParameter("s", source).executeUpdate();
            }
            if (n > 0) {
                ctx.audit(actor, Records.REPAIR_ORDER, "contact-" + source, "contact-merged", Map.of("from", source, "to", target, "records", n), null);
            }
            return n;
        });
    }
}
