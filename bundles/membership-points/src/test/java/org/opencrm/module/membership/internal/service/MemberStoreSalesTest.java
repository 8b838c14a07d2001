package org.opencrm.module.membership.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.sales.StoreSales;

/** Member spend per store for the platform's sales-figures SPI: purchases on the business days of the period, exact. */
class MemberStoreSalesTest {
    @Test
    void sumsPurchasesPerStoreOnTheBusinessDays() {
        try (MembershipOnTestKit f = new MembershipOnTestKit()) {
            long a = f.kit.account("A店", null);
            long b = f.kit.account("B店", null);
            long member = f.member(a, null).id();
            f.ledger.earn(f.admin, member, f.purchase("100.10", a));
            f.ledger.earn(f.admin, member, f.purchase("0.20", a));
            // 20 March 23:59 Beijing is still the 20th; 00:01 on the 21st is not
            f.clock.set(java.time.LocalDateTime.of(2024, 3, 21, 0, 1));
            f.ledger.earn(f.admin, member, f.purchase("50", b));
            MemberStoreSales figures = new MemberStoreSales(f.jpa, f.clock);
            Map<Long, StoreSales> day = figures.sales(List.of(a, b), LocalDate.of(2024, 3, 20), LocalDate.of(2024, 3, 20));
            assertEquals(2, day.get(a).count());
            assertEquals(Money.ofFen(10_030), day.get(a).amount());
            assertNull(day.get(b));
            assertEquals(Money.ofFen(5_000), figures.sales(List.of(b), LocalDate.of(2024, 3, 21), LocalDate.of(2024, 3, 31)).get(b).amount());
            assertEquals("会员消费", figures.label(Locale.SIMPLIFIED_CHINESE));
        }
    }
}
