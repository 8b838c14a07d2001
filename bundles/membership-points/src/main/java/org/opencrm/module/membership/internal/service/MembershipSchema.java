package org.opencrm.module.membership.internal.service;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.membership.internal.MembershipNames;
import org.opencrm.platform.persistence.ModuleSchema;
import org.opencrm.platform.persistence.Schema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The membership module's versioned schema (step 1 was an unversioned check at every start before).
 * Services that need a step reference this component, so they start once the database is at the latest version.
 */
@Component(service = MembershipSchema.class, immediate = true)
public class MembershipSchema {
    static final ModuleSchema STEPS = ModuleSchema.of(MembershipNames.ID)
            // a contact's cards are answered from an index (the contact page, merges, deletes)
            .step(1, "cards by holder", c -> Schema.ensureIndex(c, "MP_CARD", "MP_CARD_HOLDER", "HOLDERCONTACTID"));

    @Activate
    public MembershipSchema(@Reference(target = "(osgi.unit.name=crm-membership)") JpaTemplate jpa,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource) {
        // EclipseLink creates or extends the tables when the unit is first used; the steps work on what it made
        jpa.tx(TransactionType.Required, em -> em.getMetamodel());
        STEPS.migrate(dataSource);
    }
}
