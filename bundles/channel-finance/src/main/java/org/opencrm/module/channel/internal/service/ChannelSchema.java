package org.opencrm.module.channel.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.channel.internal.ChannelNames;
import org.opencrm.module.channel.internal.model.Invoice;
import org.opencrm.platform.persistence.ModuleSchema;
import org.opencrm.platform.persistence.Schema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The channel finance module's versioned schema (steps 1 and 2 ran at every start before, each finding its work done).
 * Services that need a step reference this component, so they start once the database is at the latest version.
 */
@Component(service = ChannelSchema.class, immediate = true)
public class ChannelSchema {
    static final ModuleSchema STEPS = ModuleSchema.of(ChannelNames.ID)
            .step(1, "invoices by day settled", c -> Schema.ensureIndex(c, "CF_INVOICE", Invoice.SETTLED_INDEX, Invoice.SETTLED_COLUMNS))
            .step(2, "day settled of invoices settled before it was kept", ChannelSchema::settledOn);

    @Activate
    public ChannelSchema(@Reference(target = ChannelNames.JPA_TARGET) JpaTemplate jpa,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource) {
        // EclipseLink creates or extends the tables when the unit is first used; the steps work on what it made
        jpa.tx(TransactionType.Required, em -> em.getMetamodel());
        STEPS.migrate(dataSource);
    }

    /**
     * Step 2: the day settled of the invoices settled before it was kept (their latest allocation; the issue day for
     * one settled without any), so that "open as of a day" is right for old invoices too.
     */
    static void settledOn(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE CF_INVOICE SET SETTLEDON = COALESCE((SELECT MAX(a.ONDATE) FROM CF_ALLOCATION a WHERE a.INVOICEID = CF_INVOICE.ID), ISSUEDON)"
                    + " WHERE OPENFEN = 0 AND SETTLEDON IS NULL");
        }
    }
}
