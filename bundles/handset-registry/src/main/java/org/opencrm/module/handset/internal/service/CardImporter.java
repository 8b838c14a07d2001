package org.opencrm.module.handset.internal.service;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.dto.AccessoryData;
import org.opencrm.module.handset.internal.dto.ImportReport;
import org.opencrm.module.handset.internal.dto.SaleRequest;
import org.opencrm.module.handset.internal.model.CaptureChannel;
import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.csv.CsvImport;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Imports warranty cards that stores send as CSV. Every row goes through the same sale registration as the API (same
 * checks, history, audit, timeline), in its own transaction: a good row is saved, a bad row is reported with its line,
 * the column at fault and the reason, and nothing of it is saved.
 */
@Component(service = CardImporter.class)
public class CardImporter {
    public static final List<String> COLUMNS = List.of("imei", "contactId", "ownerMobile", "retailerAccountId", "storeAccountId",
            "invoiceNumber", "saleDate", "channel", "accessories", "note");
    private static final CsvImport IMPORT = CsvImport.of(CsvImport.Columns.of(COLUMNS).require("imei", "storeAccountId", "saleDate")
            .requireOneOf("contactId", "ownerMobile").example("imei,ownerMobile,storeAccountId,saleDate")).chunkSize(1).maxErrors(1000);

    private final SaleService sales;
    private final CustomerDirectory customers;
    private final AuditTrail audit;
    private final JpaTemplate jpa;

    @Activate
    public CardImporter(@Reference SaleService sales, @Reference CustomerDirectory customers, @Reference AuditTrail audit,
            @Reference(target = "(osgi.unit.name=crm-handset)") JpaTemplate jpa) {
        this.sales = sales;
        this.customers = customers;
        this.audit = audit;
        this.jpa = jpa;
    }

    /**
     * Columns (header row, any order): imei, contactId or ownerMobile (an existing contact), storeAccountId, saleDate
     * (yyyy-MM-dd), and optionally retailerAccountId, invoiceNumber, channel (default STORE_CLERK), accessories
     * ("BATTERY:code;CHARGER:code;WIRED_HEADSET"), note.
     */
    public ImportReport importCards(CrmUser user, Reader csv) {
        user.require(HandsetModule.SALE);
        // each row in a transaction of its own (sales.sell), so a bad row never takes good ones with it
        CsvImport.Report r = IMPORT.run(csv, row -> {
            Map<String, String> v = row.values();
            SaleRequest request = request(v);
            if (v.get("imei") == null) {
                throw new InvalidInputException("imei", "imei is required", "handset.imeiRequired");
            }
            return new Card(v, request);
        }, (chunk, errors) -> {
            for (CsvImport.Accepted<Card> a : chunk) {
                sell(user, a.line(), a.value(), errors);
            }
        });
        Long scopeAccount = user.scope() == null || user.scope().isUnrestricted() ? null : user.scope().accountId();
        jpa.tx(TransactionType.Required, em -> audit.record(user.username(), HandsetService.RECORD, "import", "import-cards",
                Map.of("rows", r.total(), "imported", r.imported(), "failed", r.failed()), scopeAccount));
        return new ImportReport(r.total(), r.imported(), r.failed(),
                r.errors().stream().map(e -> new ImportReport.RowError(e.line(), e.field(), e.message())).toList());
    }

    /** A row read: its values and the sale it asks for. */
    private record Card(Map<String, String> values, SaleRequest request) {
    }

    /** Sells the row's unit; a refusal names the column of the CSV at fault. */
    private void sell(CrmUser user, long line, Card card, CsvImport.Errors errors) {
        Map<String, String> v = card.values();
        try {
            sales.sell(user, v.get("imei"), card.request());
        } catch (RecordNotFoundException e) {
            errors.reject(new CsvImport.RowError(line, "imei", "no handset with IMEI " + v.get("imei") + " is registered", null));
        } catch (CrmException e) {
            String field = e.field();
            if ("contactId".equals(field) && v.get("contactId") == null && v.get("ownerMobile") != null) {
                field = "ownerMobile";
            } else if (field == null && e instanceof org.opencrm.platform.api.AccessDeniedException) {
                field = "storeAccountId";
            } else if ("status".equals(field)) {
                field = "imei"; // the unit named in this row is not in stock
            }
            errors.reject(new CsvImport.RowError(line, field, e.getMessage(), e.messageKey()));
        }
    }

    private SaleRequest request(Map<String, String> v) {
        Long contactId = number("contactId", v.get("contactId"));
        if (contactId == null) {
            String mobile = v.get("ownerMobile");
            if (mobile == null) {
                throw new InvalidInputException("contactId", "contactId or ownerMobile is required", "handset.ownerRequired");
            }
            contactId = customers.contactByMobile(Validation.mobile("ownerMobile", mobile))
                    .orElseThrow(() -> new InvalidInputException("ownerMobile", "no contact has mobile " + mobile + "; create the contact first", "handset.noContactWithMobile", mobile))
                    .id();
        }
        LocalDate saleDate;
        if (v.get("saleDate") == null) {
            throw new InvalidInputException("saleDate", "saleDate is required", "handset.saleDateRequired");
        }
        try {
            saleDate = LocalDate.parse(v.get("saleDate"));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("saleDate", "'" + v.get("saleDate") + "' is not a date (yyyy-MM-dd)", "notADate", v.get("saleDate"));
        }
        CaptureChannel channel = CaptureChannel.STORE_CLERK;
        if (v.get("channel") != null) {
            try {
                channel = CaptureChannel.valueOf(v.get("channel").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("channel", "'" + v.get("channel") + "' is not one of " + java.util.Arrays.toString(CaptureChannel.values()), "notOneOf", v.get("channel"), java.util.Arrays.toString(CaptureChannel.values()));
            }
        }
        return new SaleRequest(contactId, number("retailerAccountId", v.get("retailerAccountId")), number("storeAccountId", v.get("storeAccountId")),
                v.get("invoiceNumber"), saleDate, channel, accessories(v.get("accessories")), v.get("note"));
    }

    private static Long number(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + value + "' is not an id (a whole number)", "handset.notAnId", value);
        }
    }

    /** "BATTERY:B-1;CHARGER:C-9;WIRED_HEADSET" (';' or '|' between accessories, the code after ':' optional). */
    static List<AccessoryData> accessories(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<AccessoryData> out = new ArrayList<>();
        for (String part : value.split("[;|]")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            String type = (colon < 0 ? part : part.substring(0, colon)).strip().toUpperCase(Locale.ROOT);
            String code = colon < 0 ? null : part.substring(colon + 1).strip();
            try {
                out.add(new AccessoryData(AccessoryType.valueOf(type), code, null));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("accessories", "'" + type + "' is not one of " + java.util.Arrays.toString(AccessoryType.values()), "notOneOf", type, java.util.Arrays.toString(AccessoryType.values()));
            }
        }
        try {
            return SaleService.accessories("accessories", out);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("accessories", e.getMessage(), e.messageKey(), e.messageArgs());
        }
    }
}
