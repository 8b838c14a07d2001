package org.opencrm.platform.core.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.core.internal.address.Addresses;
import org.opencrm.platform.core.internal.model.Contact;
import org.opencrm.platform.persistence.ModuleSchema;
import org.opencrm.platform.persistence.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's versioned schema, brought to the latest version when made. The services that need it (contacts, the audit
 * trail) reference this service, so they start only once the database is at that version; {@link CoreSchemaStart}
 * makes and offers it. Steps 1–7 were unversioned checks at every start before; each still finds its change already
 * there on such a database.
 */
public class CoreSchema {
    private static final Logger LOG = LoggerFactory.getLogger(CoreSchema.class);
    static final ModuleSchema STEPS = ModuleSchema.of("core")
            .step(1, "contacts newest first", c -> Schema.ensureIndex(c, "CRM_CONTACT", "CRM_CONTACT_NEWEST", "ID DESC"))
            // a UNIQUE constraint lets any number of contacts have no mobile (Derby's unique index let only one); added
            // before the old index goes, so uniqueness never lapses
            .step(2, "unique mobile as a constraint", c -> Schema.ensureUniqueConstraint(c, "CRM_CONTACT", Contact.MOBILE_CONSTRAINT, "MOBILE"))
            .step(3, "drop the unique mobile index of older versions", c -> Schema.dropIndex(c, "CRM_CONTACT", Contact.OLD_MOBILE_INDEX))
            .step(4, "contacts by import", c -> Schema.ensureIndex(c, "CRM_CONTACT", "CRM_CONTACT_IMPORT", "IMPORTID"))
            // the audit page filters by time, by actor and (for scoped readers) by account
            .step(5, "audit entries by time", c -> Schema.ensureIndex(c, "CRM_AUDIT", "CRM_AUDIT_TIME", "CHANGEDAT DESC"))
            .step(6, "audit entries by actor", c -> Schema.ensureIndex(c, "CRM_AUDIT", "CRM_AUDIT_ACTOR", "ACTOR, CHANGEDAT"))
            .step(7, "audit entries by account", c -> Schema.ensureIndex(c, "CRM_AUDIT", "CRM_AUDIT_ACCOUNT", "ACCOUNTID, CHANGEDAT"))
            // accounts got district and divisionCode columns (EclipseLink adds them); accounts saved before get the code
            // of the province and city they name, as a save would give them now
            .step(8, "division codes of existing accounts", Addresses::codeAccounts);

    private final ModuleSchema.Migrated migrated;

    public CoreSchema(JpaTemplate jpa, DataSource dataSource) {
        // EclipseLink creates or extends the tables when the unit is first used; the steps work on what it made
        jpa.tx(TransactionType.Required, em -> em.getMetamodel());
        migrated = STEPS.migrate(dataSource);
        warnOfSlowPostgresqlSettings(dataSource);
    }

    /**
     * Settings a PostgreSQL deployment works without but slower, said once per start: a database made without
     * LC_COLLATE 'C' (prefix searches read whole indexes), a driver that sends batched inserts row by row.
     */
    private static void warnOfSlowPostgresqlSettings(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            Schema.nonBytewiseCollation(c).ifPresent(collation -> LOG.warn("OpenCRM: the database's collation is {}, not C: on "
                    + "PostgreSQL every search by the start of a name, mobile or e-mail and every scope check then reads a whole index "
                    + "(slow from some 100,000 rows on). Create the database with LC_COLLATE 'C' (docs/operations.md, section 1) and "
                    + "move the data over with pg_dump/pg_restore.", collation));
            if (!Schema.isPostgresql(c)) {
                return;
            }
            boolean rowByRow = Schema.batchedInsertsSentRowByRow(c);
            LOG.info("OpenCRM: PostgreSQL {}, batched inserts {}", c.getMetaData().getDatabaseProductVersion(),
                    rowByRow ? "sent row by row" : "sent as multi-row INSERTs");
            if (rowByRow) {
                LOG.warn("OpenCRM: the crm DataSource's PostgreSQL driver sends batched inserts row by row: CSV imports and bulk loads "
                        + "run about a fifth slower. Add reWriteBatchedInserts=true to etc/org.ops4j.datasource-crm.cfg "
                        + "(docs/operations.md, section 1).");
            }
        } catch (SQLException e) {
            LOG.debug("could not read the database's settings", e);
        }
    }

    /** What the start did (the version before and after, the steps applied). */
    public ModuleSchema.Migrated migrated() {
        return migrated;
    }
}
