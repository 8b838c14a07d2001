package org.opencrm.module.channel.internal.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.opencrm.module.channel.internal.dto.ShipLineInput;

/**
 * What the shipment dialog makes of one open order line: the quantity typed (0 leaves the line for a later shipment)
 * and, for a serialised product, the IMEIs scanned or pasted, one per line. A line it cannot take is refused at its
 * field with a message key of the module's UI texts.
 */
final class ShipmentForm {
    /** A refusal at one field of a line: "quantity" or "serials", with the message key and its arguments. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;
        final String key;
        final transient Object[] args;

        Refused(String field, String key, Object... args) {
            super(key);
            this.field = field;
            this.key = key;
            this.args = args;
        }
    }

    private ShipmentForm() {
    }

    /**
     * The serial numbers in a scanned or pasted text: one per line (a scanner ends each with Enter); tabs, commas,
     * semicolons and spaces between them are taken as separators too, blank lines are skipped.
     */
    static List<String> serials(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String s : text.split("[\\s,;，；、]+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The quantity typed for a line with {@code open} units left: a whole number from 0 to open. */
    static int quantity(String text, int open) {
        int q;
        try {
            q = Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new Refused("quantity", "ship.quantityInvalid", open);
        }
        if (q < 0 || q > open) {
            throw new Refused("quantity", "ship.quantityInvalid", open);
        }
        return q;
    }

    /**
     * The line to ship, or null when its quantity is 0. A serialised line needs exactly one IMEI per unit, none listed
     * twice; a line that is not serialised takes no IMEIs.
     */
    static ShipLineInput line(long orderLineId, int open, boolean serialised, String quantityText, String serialsText) {
        int q = quantity(quantityText, open);
        List<String> listed = serials(serialsText);
        if (!serialised) {
            return q == 0 ? null : new ShipLineInput(orderLineId, q, null);
        }
        Set<String> seen = new HashSet<>();
        for (String s : listed) {
            if (!seen.add(s)) {
                throw new Refused("serials", "ship.serialTwice", s);
            }
        }
        if (listed.size() != q) {
            throw new Refused("serials", "ship.serialCount", listed.size(), q);
        }
        return q == 0 ? null : new ShipLineInput(orderLineId, q, listed);
    }
}
