package org.opencrm.platform.api.customer;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: a module whose records refer to core contacts by id (members, warranty cards, repair orders, notes...)
 * registers one as an OSGi service. Before it deletes a contact the core asks every registered one, and refuses the
 * delete (409 {@code contact_referenced}, naming what refers to the contact in the caller's language) when any answers
 * something; the contact can be set INACTIVE instead. The core also remembers which modules registered one: while such
 * a module is disabled its references cannot be asked, so no contact is deleted then either (409 naming the module).
 *
 * <p>Called outside any transaction of the module; answer from an indexed count, quickly.
 */
@ConsumerType
public interface ContactReferences {
    /** The id of the module holding the references (its {@code CrmModule} id), e.g. "membership-points". */
    String moduleId();

    /**
     * What of this module refers to the contact, one entry per kind of record, each described in {@code locale}
     * (e.g. "1 member (M00000012)", "1 个会员（M00000012）"); empty when nothing does.
     */
    List<ContactReference> referencesTo(long contactId, Locale locale);

    /**
     * Of these contacts, the ones this module refers to (a rolled-back import keeps them). The default asks
     * {@link #referencesTo} for each; a module answers it with one query instead.
     */
    default Set<Long> referencedAmong(Collection<Long> contactIds) {
        Set<Long> referenced = new HashSet<>();
        for (Long id : contactIds) {
            if (referencesTo(id, Locale.ROOT).stream().anyMatch(r -> r.count() > 0)) {
                referenced.add(id);
            }
        }
        return referenced;
    }
}
