package org.opencrm.module.handset.internal.service;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.handset.internal.HandsetNames;
import org.opencrm.platform.persistence.ModuleSchema;
import org.opencrm.platform.persistence.Schema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The handset registry's versioned schema (steps 1 and 2 were unversioned checks at every start before).
 * Services that need a step reference this component, so they start once the database is at the latest version.
 */
@Component(service = HandsetSchema.class, immediate = true)
public class HandsetSchema {
    static final ModuleSchema STEPS = ModuleSchema.of(HandsetNames.ID)
            // the handsets list opens newest first at millions of units; the dashboard's report reads a few weeks of sales
            .step(1, "handsets newest first", c -> Schema.ensureIndex(c, "HS_HANDSET", HandsetService.NEWEST_INDEX, "ID DESC"))
            .step(2, "sales by date", c -> Schema.ensureIndex(c, "HS_SALE", "HS_SALE_DATE", "SALEDATE"));

    @Activate
    public HandsetSchema(@Reference(target = "(osgi.unit.name=crm-handset)") JpaTemplate jpa,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource) {
        // EclipseLink creates or extends the tables when the unit is first used; the steps work on what it made
        jpa.tx(TransactionType.Required, em -> em.getMetamodel());
        STEPS.migrate(dataSource);
    }
}
