package org.opencrm.module.repair.internal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opencrm.module.repair.internal.dto.QuoteData;
import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.StepData;
import org.opencrm.platform.api.customer.Mobiles;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.pdf.PdfDocument;
import org.opencrm.platform.pdf.PdfDocuments;
import org.opencrm.platform.api.i18n.Messages;

/**
 * The printed papers of a repair order, as PDF in the reader's language: the intake receipt (接修单) the customer takes
 * home when the device is received, and the pickup slip (取机单) signed when it is handed back. Reads through the
 * services, so the data scope is the caller's (404 for an order of another centre). Times are in the business time
 * zone; the customer's mobile is masked (138****5678) as the paper leaves the centre.
 */
public class RepairPrintouts {
    static final String MESSAGES = "org.opencrm.module.repair.internal.ui.messages";
    /**
     * Days the repaired part is warranted from the handover: 90 under the mobile-phone 三包 rules (移动电话机商品修理更换退货
     * 责任规定, repair warranty 90 days).
     */
    public static final int REPAIR_WARRANTY_DAYS = 90;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RepairOrderService orders;
    private final ReplacementService replacements;
    private final FaultCodeService faultCodes;
    private final RepairContext ctx;
    private final PdfDocuments pdfs;

    public RepairPrintouts(RepairContext ctx, RepairOrderService orders, ReplacementService replacements, FaultCodeService faultCodes, PdfDocuments pdfs) {
        this.ctx = ctx;
        this.orders = orders;
        this.replacements = replacements;
        this.faultCodes = faultCodes;
        this.pdfs = pdfs;
    }

    /** The intake receipt (接修单) of the order: who, what device, in what condition, the warranty decision, the quote. */
    public byte[] intakeReceipt(CrmUser user, long orderId, Locale locale) {
        RepairOrderData o = orders.get(user, orderId);
        Messages m = Messages.of(RepairPrintouts.class, MESSAGES, locale);
        BusinessClock clock = ctx.settings().clock();
        try (PdfDocument d = pdfs.create(m.get("print.receipt.title"))) {
            header(d, m, o);
            d.field(m.get("print.receivedAt"), clock.local(o.receivedAt()).format(TIME)).field(m.get("print.clerk"), nz(o.receivedBy()));
            device(d, m, o);
            d.heading(m.get("print.intake"));
            d.field(m.get("order.symptom"), nz(o.symptom()));
            List<String> condition = new ArrayList<>();
            if (o.physicalDamage()) {
                condition.add(m.get("order.physicalDamage"));
            }
            if (o.liquidDamage()) {
                condition.add(m.get("order.liquidDamage"));
            }
            d.field(m.get("order.condition"), condition.isEmpty() ? m.get("print.noDamage") : String.join("；", condition));
            d.field(m.get("order.accessories"), o.accessories() == null || o.accessories().isBlank() ? m.get("print.none") : o.accessories());
            warranty(d, m, o);
            d.field(m.get("print.estimate"), estimate(m, o));
            d.paragraph(m.get("print.receipt.terms"));
            signatures(d, m);
            return d.toBytes();
        }
    }

    /** The pickup slip (取机单) of an order that is READY or RETURNED: what was done, parts fitted, charges, repair warranty. */
    public byte[] pickupSlip(CrmUser user, long orderId, Locale locale) {
        RepairOrderData o = orders.get(user, orderId);
        if (!"READY".equals(o.status()) && !"RETURNED".equals(o.status())) {
            throw new ConflictException("not_ready", "status", "the pickup slip of " + o.number() + " is printed once the order is READY (it is " + o.status() + ")",
                    "repair.pickupNotReady", o.number());
        }
        Messages m = Messages.of(RepairPrintouts.class, MESSAGES, locale);
        BusinessClock clock = ctx.settings().clock();
        Instant handedOver = o.steps().stream().filter(s -> "RETURNED".equals(s.status())).map(StepData::at).findFirst().orElse(null);
        try (PdfDocument d = pdfs.create(m.get("print.pickup.title"))) {
            header(d, m, o);
            d.field(m.get("print.receivedAt"), clock.local(o.receivedAt()).format(TIME))
                    .field(m.get("print.pickedUpAt"), handedOver == null ? "" : clock.local(handedOver).format(TIME));
            device(d, m, o);
            d.heading(m.get("print.work"));
            d.field(m.get("order.symptom"), nz(o.symptom()));
            Map<String, String> faults = faultCodes.names(user, locale);
            d.field(m.get("order.faultCode"), FaultCodeService.shown(faults, o.faultCode()));
            d.field(m.get("order.cause"), nz(o.cause()));
            if (o.technician() != null) {
                d.field(m.get("order.technician"), o.technician());
            }
            List<List<String>> fitted = replacements.forOrder(user, o.id()).stream().filter(r -> !"REJECTED".equals(r.status()))
                    .map(r -> List.of(r.partNumber(), nz(r.partName()), Integer.toString(r.quantity()), nz(r.fittedSerial()))).toList();
            if (fitted.isEmpty()) {
                d.field(m.get("print.parts"), m.get("print.none"));
            } else {
                d.heading(m.get("print.parts"));
                d.table(List.of(m.get("print.partNumber"), m.get("print.partName"), m.get("print.quantity"), m.get("print.fittedSerial")), fitted, 1.5f, 3, 0.8f,
                        2);
            }
            warranty(d, m, o);
            d.field(m.get("print.charges"), charges(m, o));
            LocalDate from = handedOver == null ? ctx.settings().today() : clock.local(handedOver).toLocalDate();
            d.field(m.get("print.repairWarranty"), m.get("print.repairWarrantyValue", REPAIR_WARRANTY_DAYS, from.plusDays(REPAIR_WARRANTY_DAYS - 1L).toString()));
            d.paragraph(m.get("print.pickup.terms"));
            signatures(d, m);
            return d.toBytes();
        }
    }

    private void header(PdfDocument d, Messages m, RepairOrderData o) {
        String centre = ctx.customers().account(o.centreAccountId()).map(a -> a.name()).orElse("");
        ContactRef customer = ctx.customers().contact(o.contactId()).orElse(null);
        d.field(m.get("request.centre"), centre).field(m.get("order.number"), o.number())
                .field(m.get("request.customer"), customer == null ? "" : customer.name())
                .field(m.get("print.mobile"), customer == null ? "" : Mobiles.masked(customer.mobile()));
    }

    private static void device(PdfDocument d, Messages m, RepairOrderData o) {
        d.field(m.get("print.model"), nz(o.modelCode()));
        if (o.imei() != null) {
            d.field("IMEI", o.imei());
        }
        if (o.serialNumber() != null) {
            d.field(m.get("print.serial"), o.serialNumber());
        }
    }

    private static void warranty(PdfDocument d, Messages m, RepairOrderData o) {
        String basis = o.warrantySource() == null ? "" : m.get("warrantySource." + o.warrantySource());
        if (o.warrantyNote() != null && !o.warrantyNote().isBlank()) {
            basis = basis.isEmpty() ? o.warrantyNote() : basis + "（" + o.warrantyNote() + "）";
        }
        d.field(m.get("print.warranty"), m.get(o.inWarranty() ? "order.warrantyYes" : "order.warrantyNo") + (basis.isEmpty() ? "" : " · " + basis));
    }

    private static String estimate(Messages m, RepairOrderData o) {
        if (o.inWarranty()) {
            return m.get("print.free");
        }
        QuoteData q = o.quote();
        return q == null || q.total() == null || "NONE".equals(q.status()) ? m.get("print.afterDiagnosis") : quoteText(m, q);
    }

    private static String charges(Messages m, RepairOrderData o) {
        QuoteData q = o.quote();
        if (o.inWarranty()) {
            return Money.display(BigDecimal.ZERO) + " · " + m.get("print.free");
        }
        if (q == null || q.total() == null || !"ACCEPTED".equals(q.status())) {
            return Money.display(BigDecimal.ZERO) + " · " + m.get("print.noRepairCharged");
        }
        return quoteText(m, q);
    }

    private static String quoteText(Messages m, QuoteData q) {
        return m.get("print.quote", Money.display(q.parts()), Money.display(q.labour()), Money.display(q.total()));
    }

    private static void signatures(PdfDocument d, Messages m) {
        d.paragraph(" ");
        d.paragraph(m.get("print.signCustomer") + "：______________________    " + m.get("print.date") + "：______________");
        d.paragraph(m.get("print.signClerk") + "：______________________    " + m.get("print.date") + "：______________");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
