package org.opencrm.module.handset.internal.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Sales registrations per week and model, within the user's data scope, for the dashboard. */
@Component(service = SalesReport.class)
public class SalesReport {
    private final JpaTemplate jpa;
    private final DataScopes scopes;
    /** Started once the module's schema is at the latest version: the report reads a few weeks of millions of sales by date. */
    @Reference
    private HandsetSchema schema;

    @Activate
    public SalesReport(@Reference(target = "(osgi.unit.name=crm-handset)") JpaTemplate jpa, @Reference DataScopes scopes) {
        this.jpa = jpa;
        this.scopes = scopes;
    }

    /** Per model name, the registrations of each of the {@code weeks} weeks ending {@code today} (oldest first). */
    public Map<String, long[]> perWeekByModel(CrmUser user, int weeks, LocalDate today) {
        user.require(HandsetModule.READ);
        LocalDate from = today.minusDays(7L * weeks - 1);
        ScopeFilter scope = scopes.filter(user);
        List<Object[]> rows = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("SELECT m.name, s.saleDate, COUNT(s) FROM Sale s, Handset h, HandsetModel m WHERE h.id = s.handsetId AND m.id = h.modelId"
                    + " AND s.saleDate >= :from AND s.saleDate <= :today AND s.previousSaleId IS NULL" + scope.jpql("h.storeAccountId")
                    + " GROUP BY m.name, s.saleDate", Object[].class);
            scope.bind(q::setParameter);
            return q.setParameter("from", from).setParameter("today", today).getResultList();
        });
        Map<String, long[]> out = new TreeMap<>();
        for (Object[] r : rows) {
            int week = (int) (ChronoUnit.DAYS.between(from, (LocalDate) r[1]) / 7);
            out.computeIfAbsent((String) r[0], k -> new long[weeks])[week] += ((Number) r[2]).longValue();
        }
        return new LinkedHashMap<>(out);
    }
}
