package org.opencrm.module.handset.internal.service;

import java.time.Period;
import java.util.List;
import java.util.Locale;

import org.opencrm.module.handset.internal.dto.AccessoryData;
import org.opencrm.module.handset.internal.dto.CardData;
import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.pdf.PdfDocument;
import org.opencrm.platform.pdf.PdfDocuments;
import org.opencrm.platform.api.i18n.Messages;

/**
 * The printed warranty card (三包凭证) of a sold unit, as PDF in the reader's language: model, IMEI, sale date, seller,
 * the warranty of the unit and of its accessories as its card records them (the months that applied at the sale), and
 * the 三包 lines with the return and exchange windows the registry is configured with. Reads through {@link
 * HandsetService#get}, so the data scope is the caller's (404 for another's unit); a unit without a current card (not
 * sold) is 409.
 */
public class WarrantyCardPrint {
    static final String MESSAGES = "org.opencrm.module.handset.internal.ui.messages";

    private final HandsetService handsets;
    private final WarrantyPolicy policy;
    private final CustomerDirectory customers;
    private final PdfDocuments pdfs;

    public WarrantyCardPrint(HandsetService handsets, WarrantyPolicy policy, CustomerDirectory customers, PdfDocuments pdfs) {
        this.handsets = handsets;
        this.policy = policy;
        this.customers = customers;
        this.pdfs = pdfs;
    }

    public byte[] pdf(CrmUser user, String key, Locale locale) {
        HandsetData h = handsets.get(user, key);
        CardData c = h.card();
        if (c == null || c.saleDate() == null) {
            throw new ConflictException("no_card", "imei", "handset " + h.imei() + " has no warranty card: it is not sold", "handset.noCardToPrint", h.imei());
        }
        Messages m = Messages.of(WarrantyCardPrint.class, MESSAGES, locale);
        WarrantyTerms terms = policy.terms();
        try (PdfDocument d = pdfs.create(m.get("print.card.title"))) {
            d.field(m.get("handset.model"), h.modelName() == null ? h.modelCode() : h.modelName() + " (" + h.modelCode() + ")");
            d.field("IMEI", h.imei());
            if (h.imei2() != null) {
                d.field("IMEI 2", h.imei2());
            }
            if (h.serialNumber() != null) {
                d.field(m.get("handset.serial"), h.serialNumber());
            }
            d.field(m.get("handset.saleDate"), c.saleDate().toString());
            d.field(m.get("print.seller"), account(c.storeAccountId()));
            if (c.retailerAccountId() != null) {
                d.field(m.get("card.retailer"), account(c.retailerAccountId()));
            }
            if (c.invoiceNumber() != null) {
                d.field(m.get("card.invoice"), c.invoiceNumber());
            }
            d.field(m.get("handset.owner"), c.contactId() == null ? "" : customers.contact(c.contactId()).map(ContactRef::name).orElse(""));
            long months = Period.between(c.warrantyStart(), c.warrantyUntil()).toTotalMonths();
            d.field(m.get("print.warrantyPeriod"), m.get("print.warrantyPeriodValue", months, c.warrantyStart().toString(), c.warrantyUntil().toString()));
            List<AccessoryData> accessories = c.accessories() == null ? List.of() : c.accessories();
            if (!accessories.isEmpty()) {
                d.table(List.of(m.get("print.accessory"), m.get("print.code"), m.get("handset.warrantyUntil")), accessories.stream()
                        .map(a -> List.of(m.label("accessory", a.type()), a.code() == null ? "" : a.code(),
                                a.warrantyUntil() == null ? "" : a.warrantyUntil().toString())).toList(), 2, 3, 2);
            }
            d.heading(m.get("print.policy"));
            d.paragraph(m.get("print.policy.return", terms.returnDays(), c.saleDate().plusDays(terms.returnDays()).toString()));
            d.paragraph(m.get("print.policy.exchange", terms.exchangeDays(), c.saleDate().plusDays(terms.exchangeDays()).toString()));
            d.paragraph(m.get("print.policy.repair", months, c.warrantyUntil().toString()));
            d.paragraph(m.get("print.policy.exclusions"));
            d.paragraph(" ");
            d.paragraph(m.get("print.sellerStamp") + "：______________________    " + m.get("card.date") + "：______________");
            return d.toBytes();
        }
    }

    private String account(Long id) {
        return id == null ? "" : customers.account(id).map(AccountRef::name).orElse("");
    }
}
