package org.opencrm.module.repair.internal.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.platform.api.customer.ContactReference;
import org.opencrm.platform.api.customer.ContactReferences;
import org.opencrm.platform.api.i18n.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What of the repair module refers to a core contact: repair orders and service requests (indexed by contact). */
@Component(service = ContactReferences.class)
public class RepairContactReferences implements ContactReferences {
    private static final String MESSAGES = "org.opencrm.module.repair.internal.ui.messages";
    private final RepairContext ctx;

    @Activate
    public RepairContactReferences(@Reference RepairContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String moduleId() {
        return RepairModule.ID;
    }

    @Override
    public List<ContactReference> referencesTo(long contactId, Locale locale) {
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            long orders = em.createQuery("SELECT COUNT(o) FROM RepairOrder o WHERE o.contactId = :contact", Long.class).setParameter("contact", contactId).getSingleResult();
            long requests = em.createQuery("SELECT COUNT(r) FROM ServiceRequest r WHERE r.contactId = :contact", Long.class).setParameter("contact", contactId)
                    .getSingleResult();
            List<ContactReference> found = new ArrayList<>();
            if (orders + requests == 0) {
                return found;
            }
            Messages msg = Messages.of(RepairContactReferences.class, MESSAGES, locale);
            if (orders > 0) {
                found.add(new ContactReference("repair.order", orders, msg.get("references.orders", orders)));
            }
            if (requests > 0) {
                found.add(new ContactReference("repair.service-request", requests, msg.get("references.requests", requests)));
            }
            return found;
        });
    }

    @Override
    public Set<Long> referencedAmong(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = List.copyOf(contactIds);
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            Set<Long> found = new HashSet<>(em.createQuery("SELECT DISTINCT o.contactId FROM RepairOrder o WHERE o.contactId IN :ids", Long.class)
                    .setParameter("ids", ids).getResultList());
            found.addAll(em.createQuery("SELECT DISTINCT r.contactId FROM ServiceRequest r WHERE r.contactId IN :ids", Long.class).setParameter("ids", ids)
                    .getResultList());
            return found;
        });
    }
}
