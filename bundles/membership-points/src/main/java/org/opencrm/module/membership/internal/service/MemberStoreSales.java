package org.opencrm.module.membership.internal.service;

import org.opencrm.platform.api.i18n.Messages;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.membership.internal.model.TxnKind;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.sales.StoreSales;
import org.opencrm.platform.api.sales.StoreSalesFigures;
import org.opencrm.platform.api.time.BusinessClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Member spend per store (platform's sales-figures SPI, e.g. for the franchise audit's score beside sales): the
 * purchases members earned points on (EARN) at the store on the business days of the period, counted and summed
 * exactly in fen.
 */
@Component(service = StoreSalesFigures.class)
public class MemberStoreSales implements StoreSalesFigures {
    public static final String ID = "membership.spend";
    private final JpaTemplate jpa;
    private final BusinessClock clock;

    @Activate
    public MemberStoreSales(@Reference(target = "(osgi.unit.name=crm-membership)") JpaTemplate jpa, @Reference BusinessClock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label(Locale locale) {
        return Messages.of(MemberStoreSales.class, "org.opencrm.module.membership.internal.ui.messages", locale).get("salesFigure.spend");
    }

    @Override
    public Map<Long, StoreSales> sales(Collection<Long> storeAccountIds, LocalDate from, LocalDate to) {
        Map<Long, StoreSales> out = new HashMap<>();
        if (storeAccountIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT t.storeAccountId, COUNT(t), SUM(t.amountFen) FROM Txn t "
                + "WHERE t.kind = :earn AND t.storeAccountId IN :stores AND t.createdAt >= :from AND t.createdAt < :to GROUP BY t.storeAccountId",
                Object[].class).setParameter("earn", TxnKind.EARN).setParameter("stores", List.copyOf(storeAccountIds))
                .setParameter("from", clock.startOf(from)).setParameter("to", clock.endOf(to)).getResultList());
        for (Object[] r : rows) {
            long store = (Long) r[0];
            out.put(store, new StoreSales(store, ((Number) r[1]).longValue(), Money.ofFen(((Number) r[2]).longValue())));
        }
        return out;
    }
}
