package org.opencrm.module.channel.internal.service;

import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.Query;
import javax.persistence.TypedQuery;

import org.opencrm.module.channel.internal.dto.CreditData;
import org.opencrm.module.channel.internal.model.CreditNoteReason;
import org.opencrm.module.channel.internal.model.OrderStatus;
import org.opencrm.module.channel.internal.model.PartnerProfile;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.scope.ScopeFilter;

/**
 * The figures of a partner's books, read inside the caller's transaction: balance (the ledger's sum), orders not yet
 * invoiced, overdue invoices, net sell-in. Called with the partner's row locked when the answer decides a change.
 */
public final class Books {
    static final List<OrderStatus> PENDING = List.of(OrderStatus.SUBMITTED, OrderStatus.APPROVED, OrderStatus.PARTIALLY_SHIPPED);

    /** The position as figures in fen. */
    public record Position(long limitFen, long receivablesFen, long pendingFen, long overdueFen, long oldestOverdueDays) {
        public long exposureFen() {
            return Math.addExact(receivablesFen, pendingFen);
        }

        public CreditData data(String status) {
            return new CreditData(Money.yuan(limitFen), Money.yuan(receivablesFen), Money.yuan(pendingFen), Money.yuan(exposureFen()),
                    Money.yuan(limitFen - exposureFen()), Money.yuan(overdueFen), oldestOverdueDays, status);
        }
    }

    private Books() {
    }

    /** The partner's row, locked for the rest of the transaction ({@code SELECT ... FOR UPDATE}): the one lock order of every change of a partner. */
    public static PartnerProfile lock(EntityManager em, long accountId) {
        List<PartnerProfile> found = em.createNamedQuery(PartnerProfile.LOCK, PartnerProfile.class).setParameter("id", accountId).getResultList();
        if (found.isEmpty()) {
            throw new RecordNotFoundException("partner", accountId);
        }
        return found.get(0);
    }

    public static long balance(EntityManager em, long accountId) {
        return sum(em.createQuery("SELECT SUM(l.amountFen) FROM LedgerEntry l WHERE l.accountId = :a").setParameter("a", accountId).getSingleResult());
    }

    public static long balanceBefore(EntityManager em, long accountId, LocalDate day) {
        return sum(em.createQuery("SELECT SUM(l.amountFen) FROM LedgerEntry l WHERE l.accountId = :a AND l.onDate < :d").setParameter("a", accountId)
                .setParameter("d", day).getSingleResult());
    }

    /** Orders submitted or approved and not yet invoiced (what is left to ship of them). */
    public static long pending(EntityManager em, long accountId) {
        return sum(em.createQuery("SELECT SUM(o.totalFen - o.shippedFen) FROM SalesOrder o WHERE o.accountId = :a AND o.status IN :s")
                .setParameter("a", accountId).setParameter("s", PENDING).getSingleResult());
    }

    public static Position position(EntityManager em, PartnerProfile p, LocalDate today) {
        Object[] overdue = (Object[]) em.createQuery("SELECT SUM(i.openFen), MIN(i.dueOn) FROM Invoice i WHERE i.accountId = :a AND i.openFen > 0 AND i.dueOn < :t")
                .setParameter("a", p.accountId).setParameter("t", today).getSingleResult();
        long oldest = overdue[1] == null ? 0 : Aging.overdueDays((LocalDate) overdue[1], today);
        return new Position(p.creditLimitFen, balance(em, p.accountId), pending(em, p.accountId), sum(overdue[0]), oldest);
    }

    /** Shipments minus returns (credit notes of reason RETURN) from {@code from} to {@code to}, both inclusive. */
    public static long netSellIn(EntityManager em, long accountId, LocalDate from, LocalDate to) {
        long shipped = sum(em.createQuery("SELECT SUM(s.amountFen) FROM Shipment s WHERE s.accountId = :a AND s.shippedOn >= :f AND s.shippedOn <= :t")
                .setParameter("a", accountId).setParameter("f", from).setParameter("t", to).getSingleResult());
        long returned = sum(em.createQuery("SELECT SUM(c.amountFen) FROM CreditNote c WHERE c.accountId = :a AND c.reason = :r AND c.issuedOn >= :f AND c.issuedOn <= :t")
                .setParameter("a", accountId).setParameter("r", CreditNoteReason.RETURN).setParameter("f", from).setParameter("t", to).getSingleResult());
        return shipped - returned;
    }

    /** The 12 months that decide the grade, ending today (inclusive). */
    public static LocalDate trailingStart(LocalDate today) {
        return today.minusMonths(12).plusDays(1);
    }

    /**
     * One page of a module entity narrowed to the user's scope on its {@code accountId}: {@code conditions} are JPQL
     * conditions on alias {@code x} whose named parameters {@code params} holds (a null value leaves its condition out).
     */
    static <E, R> Page<R> page(EntityManager em, Class<E> type, java.util.Map<String, Object> conditions, ScopeFilter scope, String order, PageRequest page,
            java.util.function.Function<E, R> view) {
        if (scope.isNothing()) {
            return new Page<>(List.of(), 0);
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        java.util.Map<String, Object> bound = new java.util.LinkedHashMap<>();
        conditions.forEach((condition, value) -> {
            if (value != null) {
                where.append(" AND ").append(condition);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\w+)").matcher(condition);
                while (m.find()) {
                    bound.put(m.group(1), value);
                }
            }
        });
        where.append(scope.jpql("x.accountId"));
        String entity = type.getSimpleName();
        TypedQuery<E> q = em.createQuery("SELECT x FROM " + entity + " x" + where + " ORDER BY " + order, type);
        Query c = em.createQuery("SELECT COUNT(x) FROM " + entity + " x" + where);
        for (Query x : List.of(q, c)) {
            bound.forEach(x::setParameter);
            scope.bind(x::setParameter);
        }
        List<R> items = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream().map(view).toList();
        return new Page<>(items, ((Number) c.getSingleResult()).longValue());
    }

    static long sum(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
