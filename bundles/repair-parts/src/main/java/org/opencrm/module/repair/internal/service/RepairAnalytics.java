package org.opencrm.module.repair.internal.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.FaultReport;
import org.opencrm.module.repair.internal.dto.FaultRow;
import org.opencrm.module.repair.internal.dto.PartFailures;
import org.opencrm.module.repair.internal.dto.RepairRate;
import org.opencrm.module.repair.internal.model.Part;
import org.opencrm.module.repair.internal.model.RepairStatus;
import org.opencrm.module.repair.spi.DeviceRegistry;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.csv.Csv;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Fault analytics for quality feedback: repairs by model × fault code × faulty part over a period (by the day the
 * device was received, cancelled orders left out), the parts found faulty most often, and the repair rate per model
 * (repairs ÷ units sold up to the end of the period) when the handset registry is installed. Scoped like the orders.
 */
@Component(service = RepairAnalytics.class)
public class RepairAnalytics {
    static final int MAX_DAYS = 3660;
    private final RepairContext ctx;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceRegistry devices;

    @Activate
    public RepairAnalytics(@Reference RepairContext ctx) {
        this.ctx = ctx;
    }

    /** For tests: the registry as DS would bind it (null: absent). */
    public void setDevices(DeviceRegistry devices) {
        this.devices = devices;
    }

    /** The report of [from, to] (default: the last 90 days to today); {@code top} parts (default 10). */
    public FaultReport report(CrmUser user, LocalDate from, LocalDate to, Integer top) {
        user.require(RepairModule.READ);
        LocalDate end = to != null ? to : ctx.settings().today();
        LocalDate start = from != null ? from : end.minusDays(89);
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "from " + start + " is after to " + end, "repair.periodOrder", String.valueOf(start), String.valueOf(end));
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidInputException("from", "a period is at most " + MAX_DAYS + " days", "repair.periodLength", MAX_DAYS);
        }
        int limit = top == null ? 10 : top;
        if (limit < 1 || limit > 100) {
            throw new InvalidInputException("top", "top must be from 1 to 100", "repair.topRange");
        }
        Instant a = ctx.settings().clock().startOf(start);
        Instant b = ctx.settings().clock().endOf(end);
        ScopeFilter scope = ctx.scopes().filter(user);
        if (scope.isNothing()) {
            return new FaultReport(start, end, List.of(), List.of(), List.of(), devices != null);
        }
        String where = " WHERE o.receivedAt >= :a AND o.receivedAt < :b AND o.status <> :cancelled" + scope.jpql("o.centreAccountId");
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            var faults = em.createQuery("SELECT o.modelCode, o.faultCode, o.faultyPartNumber, COUNT(o) FROM RepairOrder o" + where
                    + " AND o.faultCode IS NOT NULL GROUP BY o.modelCode, o.faultCode, o.faultyPartNumber ORDER BY COUNT(o) DESC, o.modelCode, o.faultCode",
                    Object[].class);
            var failing = em.createQuery("SELECT o.faultyPartNumber, COUNT(o) FROM RepairOrder o" + where
                    + " AND o.faultyPartNumber IS NOT NULL GROUP BY o.faultyPartNumber ORDER BY COUNT(o) DESC, o.faultyPartNumber", Object[].class);
            var byModel = em.createQuery("SELECT o.modelCode, COUNT(o) FROM RepairOrder o" + where
                    + " AND o.modelCode IS NOT NULL GROUP BY o.modelCode ORDER BY o.modelCode", Object[].class);
            for (var q : List.of(faults, failing, byModel)) {
                q.setParameter("a", a).setParameter("b", b).setParameter("cancelled", RepairStatus.CANCELLED);
                scope.bind(q::setParameter);
            }
            List<FaultRow> rows = faults.getResultList().stream()
                    .map(r -> new FaultRow((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue())).toList();
            List<PartFailures> parts = new ArrayList<>();
            for (Object[] r : failing.setMaxResults(limit).getResultList()) {
                Part p = PartCatalogService.find(em, (String) r[0]);
                parts.add(new PartFailures((String) r[0], p == null ? null : p.name, ((Number) r[1]).longValue()));
            }
            DeviceRegistry registry = devices;
            Map<String, Long> sold = registry == null ? Map.of() : registry.unitsSoldByModel(null, end);
            List<RepairRate> rates = new ArrayList<>();
            for (Object[] r : byModel.getResultList()) {
                String model = (String) r[0];
                long repairs = ((Number) r[1]).longValue();
                Long units = registry == null ? null : sold.getOrDefault(model, 0L);
                BigDecimal rate = units == null || units == 0 ? null : BigDecimal.valueOf(repairs).divide(BigDecimal.valueOf(units), 4, RoundingMode.HALF_UP);
                rates.add(new RepairRate(model, repairs, units, rate));
            }
            return new FaultReport(start, end, rows, parts, rates, registry != null);
        });
    }

    /** The report as CSV: {@code kind} "faults" (default), "parts" or "rates". */
    public String csv(CrmUser user, LocalDate from, LocalDate to, String kind) {
        FaultReport r = report(user, from, to, 100);
        StringBuilder out = new StringBuilder();
        switch (kind == null ? "faults" : kind) {
            case "faults" -> {
                out.append(Csv.line("from", "to", "model", "faultCode", "partNumber", "repairs"));
                r.faults().forEach(f -> out.append(Csv.line(r.from(), r.to(), f.modelCode(), f.faultCode(), f.partNumber(), f.repairs())));
            }
            case "parts" -> {
                out.append(Csv.line("from", "to", "partNumber", "partName", "failures"));
                r.topParts().forEach(p -> out.append(Csv.line(r.from(), r.to(), p.partNumber(), p.partName(), p.failures())));
            }
            case "rates" -> {
                out.append(Csv.line("from", "to", "model", "repairs", "unitsSold", "repairRate"));
                r.repairRates().forEach(x -> out.append(Csv.line(r.from(), r.to(), x.modelCode(), x.repairs(), x.unitsSold(),
                        x.rate() == null ? null : x.rate().toPlainString())));
            }
            default -> throw new InvalidInputException("kind", "'" + kind + "' is not one of faults, parts, rates", "notOneOf", kind, "faults, parts, rates");
        }
        return out.toString();
    }

    /** Repairs per model in the period, for a chart. */
    public Map<String, Long> repairsByModel(CrmUser user, LocalDate from, LocalDate to) {
        Map<String, Long> m = new LinkedHashMap<>();
        report(user, from, to, 1).repairRates().forEach(r -> m.put(r.modelCode(), r.repairs()));
        return m;
    }
}
