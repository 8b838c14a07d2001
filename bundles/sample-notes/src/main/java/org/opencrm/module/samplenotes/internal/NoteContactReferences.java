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
import org.opencrm.platform.persistence.Schema;
import org.opencrm.ui.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The template's answer to "does anything refer to this contact?" (ContactReferences whiteboard): its notes. A module
 * that keeps contact ids registers one, so the core never deletes a contact its records point at.
 */
@Component(service = ContactReferences.class)
public class NoteContactReferences implements ContactReferences {
    private final JpaTemplate jpa;

    @Activate
    public NoteContactReferences(@Reference(target = "(osgi.unit.name=crm-sample-notes)") JpaTemplate jpa) {
        this.jpa = jpa;
        // answered from an index (databases created before it was declared get it now)
        jpa.tx(TransactionType.Required, em -> Schema.ensureIndex(em, "SN_NOTE", "SN_NOTE_CONTACT", "CONTACTID"));
    }

    @Override
    public String moduleId() {
        return SampleNotesModule.ID;
    }

    @Override
    public List<ContactReference> referencesTo(long contactId, Locale locale) {
        long notes = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(n) FROM SampleNote n WHERE n.contactId = :contact", Long.class)
                .setParameter("contact", contactId).getSingleResult());
        if (notes == 0) {
            return List.of();
        }
        Messages msg = Messages.of(NoteContactReferences.class, "org.opencrm.module.samplenotes.internal.ui.messages", locale);
        return List.of(new ContactReference("sample-notes.note", notes, msg.get("references.notes", notes)));
    }

    @Override
    public Set<Long> referencedAmong(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT DISTINCT n.contactId FROM SampleNote n WHERE n.contactId IN :ids",
                Long.class).setParameter("ids", List.copyOf(contactIds)).getResultList()));
    }
}
