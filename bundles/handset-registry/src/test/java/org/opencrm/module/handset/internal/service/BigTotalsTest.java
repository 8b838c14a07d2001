package org.opencrm.module.handset.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BigTotalsTest {
    @Test
    void smallTotalsAreAlwaysCountedBigOnesAreKept() {
        HandsetService.BigTotals totals = new HandsetService.BigTotals(1000, 60_000, 2);
        AtomicInteger counts = new AtomicInteger();
        assertEquals(5, totals.get("small", () -> counts.incrementAndGet() * 0 + 5));
        assertEquals(5, totals.get("small", () -> counts.incrementAndGet() * 0 + 5));
        assertEquals(2, counts.get(), "exact: counted each time");
        assertEquals(5000, totals.get("big", () -> counts.incrementAndGet() * 0 + 5000));
        assertEquals(5000, totals.get("big", () -> counts.incrementAndGet() * 0 + 9999));
        assertEquals(3, counts.get(), "kept");
        totals.get("b2", () -> 2000);
        totals.get("b3", () -> 3000); // capacity 2: "big" goes
        assertEquals(7777, totals.get("big", () -> 7777));
    }
}
