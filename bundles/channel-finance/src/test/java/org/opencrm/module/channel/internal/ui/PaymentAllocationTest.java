package org.opencrm.module.channel.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opencrm.module.channel.internal.dto.InvoiceData;

/** The payment form's explicit allocation: invoices shown by number, due date and open amount, paid oldest due first. */
class PaymentAllocationTest {
    private static InvoiceData invoice(long id, String number, String due, String open) {
        LocalDate d = LocalDate.parse(due);
        return new InvoiceData(id, number, 7L, "华东一级代理", 1L, 1L, d.minusDays(30), d, new BigDecimal(open), new BigDecimal(open), "CURRENT", 0);
    }

    @Test
    void tickedInvoicesArePaidOldestDueFirstAndNoneTickedLeavesItToTheService() {
        InvoiceData march = invoice(30, "INV-000030", "2026-03-31", "100.00");
        InvoiceData january = invoice(12, "INV-000012", "2026-01-31", "50.00");
        InvoiceData januaryLater = invoice(11, "INV-000013", "2026-01-31", "10.00");
        assertEquals(List.of(12L, 11L, 30L), FinanceView.allocationOrder(Set.of(march, januaryLater, january)), "by due date, then by number");
        assertEquals(List.of(), FinanceView.allocationOrder(Set.of()));
        assertEquals(List.of(), FinanceView.allocationOrder(null));
    }

    @Test
    void anInvoiceIsShownByNumberDueDateAndOpenAmountNeverByItsId() {
        InvoiceData i = invoice(4711, "INV-000042", "2026-02-28", "12345.60");
        assertEquals("INV-000042 · due 2026-02-28 · open ¥12,345.60", FinanceView.invoiceCaption(ChannelUi.messages(Locale.ENGLISH), i));
        assertEquals("INV-000042 · 到期 2026-02-28 · 未结 ¥12,345.60", FinanceView.invoiceCaption(ChannelUi.messages(Locale.SIMPLIFIED_CHINESE), i));
    }
}
