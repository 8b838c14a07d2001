package org.opencrm.module.handset.internal.service;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.opencrm.platform.api.csv.Csv;
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
    private static final int MAX_ERRORS_REPORTED = 1000;

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
        Csv.Parser parser = new Csv.Parser(csv);
        List<String> header;
        try {
            header = parser.next();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
        if (header == null || header.isEmpty()) {
            throw new InvalidInputException("body", "the CSV is empty; the first row must name the columns, e.g. imei,ownerMobile,storeAccountId,saleDate");
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            if (!COLUMNS.contains(h)) {
                throw new InvalidInputException("header", "unknown column '" + h + "'; known columns: " + String.join(",", COLUMNS));
            }
            if (col.put(h, i) != null) {
                throw new InvalidInputException("header", "column '" + h + "' appears twice");
            }
        }
        for (String required : List.of("imei", "storeAccountId", "saleDate")) {
            if (!col.containsKey(required)) {
                throw new InvalidInputException("header", "the column '" + required + "' is required");
            }
        }
        if (!col.containsKey("contactId") && !col.containsKey("ownerMobile")) {
            throw new InvalidInputException("header", "a column 'contactId' or 'ownerMobile' is required");
        }
        long total = 0;
        long imported = 0;
        List<ImportReport.RowError> errors = new ArrayList<>();
        long failed = 0;
        while (true) {
            List<String> row;
            try {
                row = parser.next();
            } catch (IllegalArgumentException e) {
                failed++;
                errors.add(new ImportReport.RowError(parser.recordLine(), null, e.getMessage()));
                break;
            }
            if (row == null) {
                break;
            }
            if (row.isEmpty()) {
                continue;
            }
            total++;
            long line = parser.recordLine();
            Map<String, String> v = new HashMap<>();
            col.forEach((name, i) -> v.put(name, i < row.size() && !row.get(i).isBlank() ? row.get(i).strip() : null));
            try {
                SaleRequest request = request(v);
                if (v.get("imei") == null) {
                    throw new InvalidInputException("imei", "imei is required");
                }
                sales.sell(user, v.get("imei"), request);
                imported++;
            } catch (RecordNotFoundException e) {
                failed++;
                report(errors, line, "imei", "no handset with IMEI " + v.get("imei") + " is registered");
            } catch (CrmException e) {
                failed++;
                String field = e.field();
                if ("contactId".equals(field) && v.get("contactId") == null && v.get("ownerMobile") != null) {
                    field = "ownerMobile";
                } else if (field == null && e instanceof org.opencrm.platform.api.AccessDeniedException) {
                    field = "storeAccountId";
                } else if ("status".equals(field)) {
                    field = "imei"; // the unit named in this row is not in stock
                }
                report(errors, line, field, e.getMessage());
            }
        }
        long t = total;
        long ok = imported;
        long bad = failed;
        Long scopeAccount = user.scope() == null || user.scope().isUnrestricted() ? null : user.scope().accountId();
        jpa.tx(TransactionType.Required, em -> audit.record(user.username(), HandsetService.RECORD, "import", "import-cards",
                Map.of("rows", t, "imported", ok, "failed", bad), scopeAccount));
        return new ImportReport(total, imported, failed, errors);
    }

    private static void report(List<ImportReport.RowError> errors, long line, String field, String message) {
        if (errors.size() < MAX_ERRORS_REPORTED) {
            errors.add(new ImportReport.RowError(line, field, message));
        }
    }

    private SaleRequest request(Map<String, String> v) {
        Long contactId = number("contactId", v.get("contactId"));
        if (contactId == null) {
            String mobile = v.get("ownerMobile");
            if (mobile == null) {
                throw new InvalidInputException("contactId", "contactId or ownerMobile is required");
            }
            contactId = customers.contactByMobile(Validation.mobile("ownerMobile", mobile))
                    .orElseThrow(() -> new InvalidInputException("ownerMobile", "no contact has mobile " + mobile + "; create the contact first"))
                    .id();
        }
        LocalDate saleDate;
        if (v.get("saleDate") == null) {
            throw new InvalidInputException("saleDate", "saleDate is required");
        }
        try {
            saleDate = LocalDate.parse(v.get("saleDate"));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("saleDate", "'" + v.get("saleDate") + "' is not a date (yyyy-MM-dd)");
        }
        CaptureChannel channel = CaptureChannel.STORE_CLERK;
        if (v.get("channel") != null) {
            try {
                channel = CaptureChannel.valueOf(v.get("channel").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("channel", "'" + v.get("channel") + "' is not one of " + java.util.Arrays.toString(CaptureChannel.values()));
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
            throw new InvalidInputException(field, "'" + value + "' is not an id (a whole number)");
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
                throw new InvalidInputException("accessories", "'" + type + "' is not one of " + java.util.Arrays.toString(AccessoryType.values()));
            }
        }
        try {
            return SaleService.accessories("accessories", out);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("accessories", e.getMessage());
        }
    }
}
