package org.opencrm.module.audit.internal.service;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.audit.internal.FranchiseAuditNames;
import org.opencrm.module.audit.internal.model.GroupItemDayStat;
import org.opencrm.module.audit.internal.model.GroupItemMonthStat;
import org.opencrm.module.audit.internal.model.GroupMonthStat;
import org.opencrm.platform.persistence.ModuleSchema;
import org.opencrm.platform.persistence.Schema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The franchise audit module's versioned schema. The module's services (AuditRuntime) reference this component, so
 * they start once the database is at the latest version.
 */
@Component(service = AuditSchema.class, immediate = true)
public class AuditSchema {
    /** The store ranking best first (score descending, then store) and worst first, walked in order for a page. */
    public static final String RANK_DESC_INDEX = "FA_STORE_RESULT_RANK_DESC";
    public static final String RANK_ASC_INDEX = "FA_STORE_RESULT_RANK";

    static final ModuleSchema STEPS = ModuleSchema.of(FranchiseAuditNames.ID)
            .step(1, "monthly aggregates of audits and failed items back-filled", MonthStats::rebuild)
            .step(2, "store ranking by score and store, both directions", c -> {
                Schema.ensureIndex(c, "FA_STORE_RESULT", RANK_DESC_INDEX, "SCORE DESC, STOREACCOUNTID");
                Schema.ensureIndex(c, "FA_STORE_RESULT", RANK_ASC_INDEX, "SCORE, STOREACCOUNTID");
            })
            .step(3, "scoped monthly aggregates by region and franchisee rebuilt from the raw rows", c -> {
                Schema.ensureIndex(c, "FA_GROUP_MONTH_STAT", GroupMonthStat.GROUP_INDEX, GroupMonthStat.GROUP_COLUMNS);
                Schema.ensureIndex(c, "FA_GROUP_ITEM_MONTH_STAT", GroupItemMonthStat.GROUP_INDEX, GroupItemMonthStat.GROUP_COLUMNS);
                MonthStats.rebuildGroups(c);
            })
            .step(4, "per-day failed items by region and franchisee back-filled from the raw rows", c -> {
                Schema.ensureIndex(c, "FA_GROUP_ITEM_DAY_STAT", GroupItemDayStat.GROUP_INDEX, GroupItemDayStat.GROUP_COLUMNS);
                MonthStats.rebuildGroupDays(c);
            });

    @Activate
    public AuditSchema(@Reference(target = FranchiseAuditNames.JPA_TARGET) JpaTemplate jpa,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource) {
        // EclipseLink creates or extends the tables when the unit is first used; the steps work on what it made
        jpa.tx(TransactionType.Required, em -> em.getMetamodel());
        STEPS.migrate(dataSource);
    }
}
