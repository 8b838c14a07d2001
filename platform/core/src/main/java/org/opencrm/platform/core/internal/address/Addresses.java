package org.opencrm.platform.core.internal.address;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.address.AdministrativeDivisions;
import org.opencrm.platform.api.address.Division;

/**
 * 省/市/区 of a contact or an account as the services store them: names plus the GB/T 2260 code of the most specific
 * division they name. Input may give the code (REST clients, the selects) or only names (CSV, free text from before
 * the selects): a code fills in the names; names alone get their code when they are the divisions' own. One rule for
 * contacts and accounts.
 */
public final class Addresses {
    /** The platform's divisions, loaded once for the services that code addresses. */
    public static final AdministrativeDivisions DIVISIONS = new GbT2260Divisions();

    /** A stored address: names (each may be null) and the code (null when the names are not the divisions' own). */
    public record Coded(String province, String city, String district, String divisionCode) {
    }

    private Addresses() {
    }

    /**
     * Names (already validated for length) and an optional code to what is stored. A code that is not a division is
     * refused at {@code divisionCode}; names that contradict a given code are refused at the first field that differs.
     */
    public static Coded code(AdministrativeDivisions divisions, String province, String city, String district, String divisionCode) {
        if (divisionCode == null || divisionCode.isBlank()) {
            return new Coded(province, city, district, divisions.codeOf(province, city, district).orElse(null));
        }
        String code = divisionCode.strip();
        List<Division> path = divisions.path(code);
        if (path.isEmpty()) {
            throw new InvalidInputException("divisionCode", "divisionCode " + code + " is not an administrative division", "address.unknownDivision", code);
        }
        String p = path.get(0).name();
        String c = path.size() > 1 ? path.get(1).name() : null;
        String d = path.size() > 2 ? path.get(2).name() : null;
        agree("province", province, p);
        agree("city", city, c);
        agree("district", district, d);
        return new Coded(p, c, d, code);
    }

    /**
     * The schema step that codes the accounts saved before accounts had a division code: each account with a province
     * and no code gets the code of the names it has (none when they are free text). Accounts are few (stores,
     * partners); contacts got their code on every save since the selects came and are not rewritten here.
     */
    public static void codeAccounts(Connection connection) throws SQLException {
        Map<Long, String> codes = new LinkedHashMap<>();
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT ID, PROVINCE, CITY, DISTRICT FROM CRM_ACCOUNT WHERE DIVISIONCODE IS NULL AND PROVINCE IS NOT NULL");
                ResultSet rows = read.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                DIVISIONS.codeOf(rows.getString(2), rows.getString(3), rows.getString(4)).ifPresent(code -> codes.put(id, code));
            }
        }
        try (PreparedStatement write = connection.prepareStatement("UPDATE CRM_ACCOUNT SET DIVISIONCODE = ? WHERE ID = ?")) {
            for (Map.Entry<Long, String> e : codes.entrySet()) {
                write.setString(1, e.getValue());
                write.setLong(2, e.getKey());
                write.addBatch();
            }
            write.executeBatch();
        }
    }

    private static void agree(String field, String given, String coded) {
        if (given != null && !given.isBlank() && !given.strip().equals(coded)) {
            throw new InvalidInputException(field, field + " " + given + " is not the division's " + (coded == null ? "(none)" : coded),
                    "address.divisionMismatch", given, coded == null ? "-" : coded);
        }
    }
}
