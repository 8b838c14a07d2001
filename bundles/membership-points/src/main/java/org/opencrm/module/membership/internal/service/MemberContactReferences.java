package org.opencrm.module.membership.internal.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.platform.api.customer.ContactReference;
import org.opencrm.platform.api.customer.ContactReferences;
import org.opencrm.platform.api.i18n.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What of the membership module refers to a core contact: the member (with its ledgers) and cards it holds. */
@Component(service = ContactReferences.class)
public class MemberContactReferences implements ContactReferences {
    private static final String MESSAGES = "org.opencrm.module.membership.internal.ui.messages";
    private final JpaTemplate jpa;
    /** Started once the module's schema is at the latest version: answered from the card holder's index. */
    @Reference
    private MembershipSchema schema;

    @Activate
    public MemberContactReferences(@Reference(target = "(osgi.unit.name=crm-membership)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String moduleId() {
        return MembershipModule.ID;
    }

    @Override
    public List<ContactReference> referencesTo(long contactId, Locale locale) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<ContactReference> found = new ArrayList<>();
            Messages msg = null;
            List<String> members = em.createQuery("SELECT m.memberNumber FROM Member m WHERE m.contactId = :contact", String.class).setParameter("contact", contactId)
                    .getResultList();
            if (!members.isEmpty()) {
                msg = Messages.of(MemberContactReferences.class, MESSAGES, locale);
                found.add(new ContactReference("membership.member", members.size(), msg.get("references.member", String.join(", ", members))));
            }
            long cards = em.createQuery("SELECT COUNT(c) FROM Card c WHERE c.holderContactId = :contact", Long.class).setParameter("contact", contactId)
                    .getSingleResult();
            if (cards > 0) {
                msg = msg != null ? msg : Messages.of(MemberContactReferences.class, MESSAGES, locale);
                found.add(new ContactReference("membership.card", cards, msg.get("references.cards", cards)));
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
        return jpa.txExpr(TransactionType.Supports, em -> {
            Set<Long> found = new HashSet<>(em.createQuery("SELECT m.contactId FROM Member m WHERE m.contactId IN :ids", Long.class).setParameter("ids", ids)
                    .getResultList());
            found.addAll(em.createQuery("SELECT DISTINCT c.holderContactId FROM Card c WHERE c.holderContactId IN :ids", Long.class).setParameter("ids", ids)
                    .getResultList());
            return found;
        });
    }
}
