package org.opencrm.module.handset.internal.service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import org.opencrm.module.handset.api.HandsetChannelShipment;
import org.opencrm.module.handset.api.HandsetInfo;
import org.opencrm.module.handset.api.HandsetModelInfo;
import org.opencrm.module.handset.api.HandsetRegistry;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.internal.model.HandsetModel;
import org.opencrm.module.handset.internal.model.SaleStatus;
import org.opencrm.platform.persistence.Queries;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The exported registry API for other modules (repair). */
@Component(service = HandsetRegistry.class)
public class HandsetRegistryImpl implements HandsetRegistry {
    private final HandsetService handsets;
    private final SaleService sales;
    private final JpaTemplate jpa;

    @Activate
    public HandsetRegistryImpl(@Reference HandsetService handsets, @Reference SaleService sales,
            @Reference(target = "(osgi.unit.name=crm-handset)") JpaTemplate jpa) {
        this.handsets = handsets;
        this.sales = sales;
        this.jpa = jpa;
    }

    @Override
    public Optional<HandsetInfo> findByImei(String imei) {
        return imei == null || imei.isBlank() ? Optional.empty() : handsets.info(imei, false);
    }

    @Override
    public Optional<HandsetInfo> findBySerialNumber(String serialNumber) {
        return serialNumber == null || serialNumber.isBlank() ? Optional.empty() : handsets.info(serialNumber, true);
    }

    @Override
    public HandsetInfo markInRepair(CrmUser actor, String imei, String note) {
        return handsets.repairMove(actor, imei, HandsetStatus.IN_REPAIR, note);
    }

    @Override
    public HandsetInfo repairCompleted(CrmUser actor, String imei, String note) {
        return handsets.repairMove(actor, imei, HandsetStatus.SOLD, note);
    }

    /** One aggregate query: original sales (no previous card) that were not returned, by the model of their unit. */
    @Override
    public Map<String, Long> unitsSoldByModel(LocalDate from, LocalDate to) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("SELECT m.code, COUNT(s.id) FROM Sale s, Handset h, HandsetModel m WHERE h.id = s.handsetId AND m.id = h.modelId"
                    + " AND s.previousSaleId IS NULL AND s.status <> :returned" + (from == null ? "" : " AND s.saleDate >= :from")
                    + (to == null ? "" : " AND s.saleDate <= :to") + " GROUP BY m.code ORDER BY m.code", Object[].class)
                    .setParameter("returned", SaleStatus.RETURNED);
            if (from != null) {
                q.setParameter("from", from);
            }
            if (to != null) {
                q.setParameter("to", to);
            }
            Map<String, Long> sold = new LinkedHashMap<>();
            for (Object[] row : q.getResultList()) {
                sold.put((String) row[0], ((Number) row[1]).longValue());
            }
            return sold;
        });
    }

    /** Code or name prefix, both on an index (HS_MODEL_CODE, HS_MODEL_NAME on the lower-cased name). */
    @Override
    public List<HandsetModelInfo> models(String prefix, int limit) {
        String q = prefix == null ? "" : prefix.strip();
        return jpa.txExpr(TransactionType.Supports, em -> {
            var query = em.createQuery("SELECT m FROM HandsetModel m" + (q.isEmpty() ? "" : " WHERE m.code LIKE :code ESCAPE '\\' OR m.nameKey LIKE :name ESCAPE '\\'")
                    + " ORDER BY m.code", HandsetModel.class);
            if (!q.isEmpty()) {
                query.setParameter("code", Queries.escapeLike(q.toUpperCase(Locale.ROOT)) + "%").setParameter("name", Queries.prefixPattern(q));
            }
            return query.setMaxResults(Math.max(0, limit)).getResultList().stream().map(m -> new HandsetModelInfo(m.code, m.name)).toList();
        });
    }

    @Override
    public Optional<HandsetModelInfo> model(String code) {
        return jpa.txExpr(TransactionType.Supports, em -> ModelService.byCode(em, code).map(m -> new HandsetModelInfo(m.code, m.name)));
    }

    @Override
    public List<HandsetChannelShipment> shippedToPartner(CrmUser actor, long partnerAccountId, List<String> imeis, String reference) {
        return sales.shippedToPartner(actor, partnerAccountId, imeis, reference);
    }

    @Override
    public Optional<HandsetChannelShipment> channelShipment(String imei) {
        if (imei == null || imei.isBlank()) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Supports, em -> Units.byImei(em, org.opencrm.module.handset.api.Imei.normalise(imei), false)
                .filter(h -> h.channelAccountId != null).map(h -> SaleService.channelShipment(h, em.find(HandsetModel.class, h.modelId))));
    }
}
