package org.opencrm.module.channel.internal.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which open invoices an amount pays: the oldest first (by issue date, then due date, then id) unless the payer named
 * invoices, in which case those, in the order named. Never more than an invoice's open amount; what is left over
 * stays unallocated (the partner's credit).
 */
public final class Allocations {
    public record Open(long invoiceId, java.time.LocalDate issuedOn, java.time.LocalDate dueOn, long openFen) {
    }

    public record Share(long invoiceId, long amountFen) {
    }

    private Allocations() {
    }

    public static List<Share> plan(List<Open> open, long amountFen, List<Long> explicit) {
        List<Open> order = new ArrayList<>();
        if (explicit != null && !explicit.isEmpty()) {
            for (Long id : explicit) {
                open.stream().filter(o -> o.invoiceId() == id).findFirst().ifPresent(order::add);
            }
        } else {
            order.addAll(open);
            order.sort(Comparator.comparing(Open::issuedOn).thenComparing(Open::dueOn).thenComparingLong(Open::invoiceId));
        }
        List<Share> shares = new ArrayList<>();
        long left = amountFen;
        for (Open o : order) {
            if (left <= 0) {
                break;
            }
            long take = Math.min(left, o.openFen());
            if (take > 0) {
                shares.add(new Share(o.invoiceId(), take));
                left -= take;
            }
        }
        return shares;
    }
}
