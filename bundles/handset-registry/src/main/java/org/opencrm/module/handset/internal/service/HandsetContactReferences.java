package org.opencrm.module.handset.internal.service;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.platform.api.customer.ContactReference;
import org.opencrm.platform.api.customer.ContactReferences;
import org.opencrm.platform.api.i18n.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What of the handset registry refers to a core contact: its warranty cards (current and past sales, HS_SALE_CONTACT). */
@Component(service = ContactReferences.class)
public class HandsetContactReferences implements ContactReferences {
    private final JpaTemplate jpa;

    @Activate
    public HandsetContactReferences(@Reference(target = "(osgi.unit.name=crm-handset)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String moduleId() {
        return HandsetModule.ID;
    }

    @Override
    public List<ContactReference> referencesTo(long contactId, Locale locale) {
        long cards = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(s) FROM Sale s WHERE s.contactId = :contact", Long.class)
                .setParameter("contact", contactId).getSingleResult());
        if (cards == 0) {
            return List.of();
        }
        Messages msg = Messages.of(HandsetContactReferences.class, "org.opencrm.module.handset.internal.ui.messages", locale);
        return List.of(new ContactReference("handset.sale", cards, msg.get("references.cards", cards)));
    }

    @Override
    public Set<Long> referencedAmong(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT DISTINCT s.contactId FROM Sale s WHERE s.contactId IN :ids",
                Long.class).setParameter("ids", List.copyOf(contactIds)).getResultList()));
    }
}
