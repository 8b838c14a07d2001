package org.opencrm.platform.core.internal.service;

import org.opencrm.platform.api.i18n.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.customer.ContactReference;
import org.opencrm.platform.api.customer.ContactReferences;
import org.opencrm.platform.core.internal.model.ContactReferenceHolder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modules' {@link ContactReferences} (whiteboard), asked before a contact is deleted. Every module that registered
 * one is remembered in CRM_CONTACT_REF_HOLDER: while such a module is disabled, its references cannot be asked and
 * no contact is deleted (its data stays when it is disabled, and would point at nothing when it comes back).
 */
@Component(service = ContactReferencesRegistry.class)
public class ContactReferencesRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ContactReferencesRegistry.class);
    static final String MESSAGES = "org.opencrm.platform.core.internal.service.messages";
    private final JpaTemplate jpa;
    private final Map<ContactReferences, String> bound = new ConcurrentHashMap<>();
    private final Set<String> remembered = ConcurrentHashMap.newKeySet();

    @Activate
    public ContactReferencesRegistry(@Reference(target = "(osgi.unit.name=crm-core)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReferences(ContactReferences references) {
        String module = references.moduleId();
        bound.put(references, module);
        try {
            remember(module);
        } catch (RuntimeException e) {
            // remembered at the next delete instead
            LOG.warn("could not record {} as a module referring to contacts yet: {}", module, e.toString());
        }
    }

    void removeReferences(ContactReferences references) {
        bound.remove(references);
    }

    private void remember(String module) {
        if (remembered.contains(module)) {
            return;
        }
        jpa.tx(TransactionType.RequiresNew, em -> {
            if (em.find(ContactReferenceHolder.class, module) == null) {
                ContactReferenceHolder h = new ContactReferenceHolder();
                h.moduleId = module;
                h.firstSeen = Instant.now();
                em.persist(h);
            }
        });
        remembered.add(module);
    }

    /** The modules that refer to contacts and are not enabled right now (their references cannot be asked). */
    public Set<String> absentHolders() {
        Set<String> present = new HashSet<>(bound.values());
        for (String m : present) {
            remember(m);
        }
        List<String> known = jpa.txExpr(TransactionType.Supports,
                em -> em.createQuery("SELECT h.moduleId FROM ContactReferenceHolder h", String.class).getResultList());
        Set<String> absent = new TreeSet<>(known);
        absent.removeAll(present);
        return absent;
    }

    /** The modules ever recorded as referring to contacts, and whether each is enabled now. */
    public Map<String, Boolean> holders() {
        Set<String> present = new HashSet<>(bound.values());
        Map<String, Boolean> all = new java.util.TreeMap<>();
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT h.moduleId FROM ContactReferenceHolder h", String.class).getResultList())
                .forEach(m -> all.put(m, present.contains(m)));
        present.forEach(m -> all.put(m, true));
        return all;
    }

    /** Forgets a module that was removed for good (an operator's decision): its references are no longer waited for. */
    public boolean forget(String module) {
        if (bound.containsValue(module)) {
            throw new IllegalStateException("module " + module + " is enabled; only a removed module can be forgotten");
        }
        remembered.remove(module);
        return jpa.txExpr(TransactionType.Required, em -> {
            ContactReferenceHolder h = em.find(ContactReferenceHolder.class, module);
            if (h == null) {
                return false;
            }
            em.remove(h);
            return true;
        });
    }

    /**
     * 409 {@code contact_referenced} in {@code locale} when anything refers to the contact or a module that may refer
     * to it is disabled; returns quietly otherwise.
     */
    public void requireUnreferenced(long contactId, Locale locale) {
        Locale l = locale == null ? Locale.ENGLISH : locale;
        Set<String> absent = absentHolders();
        if (!absent.isEmpty()) {
            String modules = String.join(", ", absent);
            throw new ConflictException("contact_referenced", null, text(l, "contact.holderDisabled", contactId, modules), "contactHolderDisabled",
                    contactId, modules);
        }
        List<String> what = new ArrayList<>();
        for (Map.Entry<ContactReferences, String> e : bound.entrySet()) {
            for (ContactReference r : e.getKey().referencesTo(contactId, l)) {
                if (r.count() > 0) {
                    what.add(r.description() + " (" + e.getValue() + ")");
                }
            }
        }
        if (!what.isEmpty()) {
            String list = String.join(l.getLanguage().equals("zh") ? "；" : "; ", what);
            throw new ConflictException("contact_referenced", null, text(l, "contact.referenced", contactId, list), "contactReferenced", contactId, list);
        }
    }

    /** 409 when a module that may refer to contacts is disabled (their references cannot be asked now). */
    public void requireHoldersPresent() {
        Set<String> absent = absentHolders();
        if (!absent.isEmpty()) {
            String modules = String.join(", ", absent);
            throw new ConflictException("contact_referenced", null, text(Locale.ENGLISH, "contacts.holderDisabled", modules), "contactsHolderDisabled",
                    modules);
        }
    }

    /** Of these contacts, those that something refers to (409 when a module that may refer to them is disabled). */
    public Set<Long> referencedAmong(Collection<Long> contactIds) {
        requireHoldersPresent();
        Set<Long> referenced = new HashSet<>();
        for (ContactReferences r : bound.keySet()) {
            referenced.addAll(r.referencedAmong(contactIds));
        }
        return referenced;
    }

    /** A refusal in the caller's language (Chinese for any Chinese locale, else English), read without the UI toolkit. */
    static String text(Locale locale, String key, Object... args) {
        return Messages.of(ContactReferencesRegistry.class, MESSAGES, locale).get(key, args);
    }
}
