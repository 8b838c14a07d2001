package org.opencrm.module.channel.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opencrm.module.channel.internal.dto.OrderData;
import org.opencrm.module.channel.internal.dto.OrderLineData;
import org.opencrm.module.channel.internal.dto.ShipLineInput;

/** The shipment dialog's reading of a line: the quantity, and the IMEIs scanned or pasted for a serialised product. */
class ShipmentFormTest {
    @Test
    void imeisScannedOrPastedAreReadOnePerLineWithBlankLinesAndSeparatorsSkipped() {
        assertEquals(List.of("356938035643809", "356938035643817", "356938035643825"),
                ShipmentForm.serials("356938035643809\r\n\n  356938035643817  \n356938035643825\n"));
        assertEquals(List.of("A1", "B2", "C3", "D4"), ShipmentForm.serials("A1, B2;C3\tD4"), "pasted from a spreadsheet row or a list");
        assertEquals(List.of("A1", "B2"), ShipmentForm.serials("A1，B2"), "a Chinese comma too");
        assertEquals(List.of(), ShipmentForm.serials("  \n\n"));
        assertEquals(List.of(), ShipmentForm.serials(null));
    }

    @Test
    void aSerialisedLineNeedsExactlyOneImeiPerUnitNoneTwice() {
        ShipLineInput in = ShipmentForm.line(9, 5, true, " 2 ", "IMEI-1\nIMEI-2\n");
        assertEquals(new ShipLineInput(9L, 2, List.of("IMEI-1", "IMEI-2")), in);
        ShipmentForm.Refused few = assertThrows(ShipmentForm.Refused.class, () -> ShipmentForm.line(9, 5, true, "3", "IMEI-1\nIMEI-2"));
        assertEquals("serials", few.field);
        assertEquals("ship.serialCount", few.key);
        assertEquals("2 IMEI(s) listed for 3 unit(s): list exactly one IMEI per unit shipped.", ChannelUi.messages(Locale.ENGLISH).get(few.key, few.args));
        assertEquals("列出了 2 个 IMEI，发货 3 件：每件须恰好一个 IMEI。", ChannelUi.messages(Locale.SIMPLIFIED_CHINESE).get(few.key, few.args));
        ShipmentForm.Refused twice = assertThrows(ShipmentForm.Refused.class, () -> ShipmentForm.line(9, 5, true, "2", "IMEI-1\nIMEI-1"));
        assertEquals("ship.serialTwice", twice.key);
        assertEquals("serials", twice.field);
        assertThrows(ShipmentForm.Refused.class, () -> ShipmentForm.line(9, 5, true, "0", "IMEI-1"), "IMEIs for no unit");
        assertNull(ShipmentForm.line(9, 5, true, "0", ""), "0 leaves the line for a later shipment");
    }

    @Test
    void aPartialQuantityIsTakenAndOneOutsideZeroToOpenIsRefusedAtTheQuantity() {
        assertEquals(new ShipLineInput(4L, 3, null), ShipmentForm.line(4, 10, false, "3", null));
        assertNull(ShipmentForm.line(4, 10, false, "0", null));
        for (String bad : List.of("11", "-1", "2.5", "", "三")) {
            ShipmentForm.Refused r = assertThrows(ShipmentForm.Refused.class, () -> ShipmentForm.line(4, 10, false, bad, null), bad);
            assertEquals("quantity", r.field);
            assertEquals("Enter a whole number from 0 to 10.", ChannelUi.messages(Locale.ENGLISH).get(r.key, r.args));
        }
    }

    @Test
    void anOrderNeedsTheDialogWhenAnOpenLineIsSerialised() {
        OrderLineData handsets = new OrderLineData(1, 1, "HS-1", "星河手机", 5, 2, BigDecimal.TEN, BigDecimal.TEN, true);
        OrderLineData shippedHandsets = new OrderLineData(1, 1, "HS-1", "星河手机", 5, 5, BigDecimal.TEN, BigDecimal.TEN, true);
        OrderLineData cases = new OrderLineData(2, 2, "CASE", "保护壳", 5, 0, BigDecimal.ONE, BigDecimal.ONE, false);
        assertTrue(ShipmentWindow.needsSerials(order(List.of(handsets, cases))));
        assertEquals(false, ShipmentWindow.needsSerials(order(List.of(shippedHandsets, cases))));
    }

    private static OrderData order(List<OrderLineData> lines) {
        return new OrderData(1, "SO-1", 7, "华东一级代理", "PARTIALLY_SHIPPED", BigDecimal.TEN, BigDecimal.ONE, null, null, null, null, null, null, null, null, lines);
    }
}
