package org.opencrm.module.handset.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencrm.module.handset.internal.dto.SaleRequest;
import org.opencrm.module.handset.internal.model.CaptureChannel;
import org.opencrm.platform.api.sales.StoreSales;

/** Handsets sold per store for the platform's sales-figures SPI: first sales in the period, per store. */
class HandsetStoreSalesTest {
    @Test
    void countsFirstSalesPerStoreInThePeriod() {
        try (HandsetOnTestKit f = new HandsetOnTestKit()) {
            f.model("SS-1", null, null);
            long chain = f.kit.account("连锁", null);
            long a = f.kit.account("A店", chain);
            long b = f.kit.account("B店", chain);
            long other = f.kit.account("C店", chain);
            long owner = f.kit.contact("王芳", "13800000001", a);
            for (int i = 0; i < 3; i++) {
                f.sales.sell(f.admin, f.register("SS-1"), new SaleRequest(owner, chain, a, "FP-" + i, LocalDate.of(2024, 3, 1 + i), CaptureChannel.STORE_CLERK,
                        List.of(), null));
            }
            f.sales.sell(f.admin, f.register("SS-1"), new SaleRequest(owner, chain, b, "FP-9", LocalDate.of(2024, 2, 1), CaptureChannel.STORE_CLERK,
                    List.of(), null));
            f.sales.sell(f.admin, f.register("SS-1"), new SaleRequest(owner, chain, other, "FP-8", LocalDate.of(2024, 3, 2), CaptureChannel.STORE_CLERK,
                    List.of(), null));
            HandsetStoreSales figures = new HandsetStoreSales(f.jpa);
            Map<Long, StoreSales> s = figures.sales(List.of(a, b), LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 31));
            assertEquals(2, s.get(a).count());
            assertNull(s.get(a).amount());
            assertNull(s.get(b), "outside the period");
            assertTrue(!s.containsKey(other), "only the stores asked for");
            assertEquals("售出手机", figures.label(Locale.SIMPLIFIED_CHINESE));
            assertEquals("Handsets sold", figures.label(Locale.ENGLISH));
        }
    }
}
