package org.opencrm.module.samplenotes.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.customer.ContactReference;
import org.opencrm.platform.api.customer.ContactReferences;
import org.opencrm.platform.api.i18n.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The module's records keep contact ids: the core asks here before it deletes a contact, and refuses while any refers to it. */
@Component(service = ContactReferences.class)
public class SampleNotesContactReferences implements ContactReferences {
    private final JpaTemplate jpa;
    private final SampleNotesService service;

    @Activate
    public SampleNotesContactReferences(@Reference(target = SampleNotesNames.JPA_TARGET) JpaTemplate jpa, @Reference SampleNotesService service) {
        this.jpa = jpa;
        this.service = service;
    }

    @Override
    public String moduleId() {
        return SampleNotesNames.ID;
    }

    @Override
    public List<ContactReference> referencesTo(long contactId, Locale locale) {
        long count = service.countForContact(contactId);
        if (count == 0) {
            return List.of();
        }
        Messages msg = Messages.of(SampleNotesContactReferences.class, SampleNotesNames.MESSAGES, locale);
        return List.of(new ContactReference(SampleNotesNames.AUDIT_TYPE, count, msg.get("references", count)));
    }

    @Override
    public Set<Long> referencedAmong(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT DISTINCT r.contactId FROM SampleNotesRecord r WHERE r.contactId IN :ids", Long.class)
                .setParameter("ids", List.copyOf(contactIds)).getResultList()));
    }
}
