package org.opencrm.module.handset.internal.service;

import org.opencrm.platform.api.i18n.Messages;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.sales.StoreSales;
import org.opencrm.platform.api.sales.StoreSalesFigures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Handsets sold per store (platform's sales-figures SPI, e.g. for the franchise audit's score beside sales): the
 * warranty cards of first sales (not the replacement cards of exchanges) dated in the period, not returned. No amount:
 * the registry records no prices.
 */
@Component(service = StoreSalesFigures.class)
public class HandsetStoreSales implements StoreSalesFigures {
    public static final String ID = "handset.units";
    private final JpaTemplate jpa;

    @Activate
    public HandsetStoreSales(@Reference(target = "(osgi.unit.name=crm-handset)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label(Locale locale) {
        return Messages.of(HandsetStoreSales.class, "org.opencrm.module.handset.internal.ui.messages", locale).get("salesFigure.units");
    }

    @Override
    public Map<Long, StoreSales> sales(Collection<Long> storeAccountIds, LocalDate from, LocalDate to) {
        Map<Long, StoreSales> out = new HashMap<>();
        if (storeAccountIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT s.storeAccountId, COUNT(s) FROM Sale s "
                + "WHERE s.storeAccountId IN :stores AND s.saleDate >= :from AND s.saleDate <= :to AND s.previousSaleId IS NULL AND s.status <> :returned "
                + "GROUP BY s.storeAccountId", Object[].class).setParameter("stores", List.copyOf(storeAccountIds)).setParameter("from", from)
                .setParameter("to", to).setParameter("returned", org.opencrm.module.handset.internal.model.SaleStatus.RETURNED).getResultList());
        for (Object[] r : rows) {
            long store = (Long) r[0];
            out.put(store, new StoreSales(store, ((Number) r[1]).longValue(), null));
        }
        return out;
    }
}
