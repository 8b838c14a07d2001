package org.opencrm.ui.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.opencrm.platform.api.audit.AuditEntry;
import org.opencrm.ui.Messages;

/**
 * An audit entry's changes as staff read them: "Name: 王小明 → 王大明; Mobile: …" with the fields' captions, the value
 * before taken from the record's previous entry (an update lists only what changed), record types and actions by
 * their names in the user's language. The trail stores each change's values as a flat JSON object (AuditTrailImpl).
 */
final class AuditChanges {
    private final Messages msg;
    /** A record's entries, newest first (recordType/recordId → entries), fetched once per record while the view lives. */
    private final Function<AuditEntry, List<AuditEntry>> history;
    private final Map<String, List<AuditEntry>> cache = new HashMap<>();

    AuditChanges(Messages msg, Function<AuditEntry, List<AuditEntry>> history) {
        this.msg = msg;
        this.history = history;
    }

    /** The record types and actions the trail's captions name (what a filter typed as a caption stands for). */
    private static final List<String> TYPES = List.of("contact", "account", "activity", "household", "user", "contact-import", "handset", "handset-model",
            "member", "card", "promotion", "sample-notes.record", "service-request", "repair-order", "part", "fault-code", "parts-order", "part-return", "stock", "module");
    private static final List<String> ACTIONS = List.of("create", "update", "delete", "merge", "merged", "contact-merged", "import", "rollback", "kept", "issue",
            "transfer", "tier", "status", "sell", "return", "replace", "register", "exchange-out", "exchange-in", "enrol", "bulk", "adjust-points", "approve",
            "reject", "close", "escalate", "receive", "ship", "submit", "repair", "cancel", "activate", "lost", "found", "enable", "disable", "counter-lookup");

    /** A record type typed in the filter: its code, also when the user typed its caption ("联系人" → contact). */
    String typeCode(String typed) {
        return code(typed, "audit.type.", TYPES);
    }

    /** An action typed in the filter: its code, also when typed as its caption. */
    String actionCode(String typed) {
        return code(typed, "audit.actionName.", ACTIONS);
    }

    private String code(String typed, String prefix, List<String> codes) {
        if (typed == null || typed.isBlank()) {
            return typed;
        }
        String t = typed.strip();
        for (String c : codes) {
            if (msg.has(prefix + c) && msg.get(prefix + c).equalsIgnoreCase(t)) {
                return c;
            }
        }
        return t;
    }

    void forget() {
        cache.clear();
    }

    String recordType(AuditEntry e) {
        return caption("audit.type." + e.recordType(), e.recordType());
    }

    String action(AuditEntry e) {
        return caption("audit.actionName." + e.action(), e.action());
    }

    String changes(AuditEntry e) {
        Map<String, String> now = parse(e.changes());
        Map<String, String> before = "update".equals(e.action()) ? previous(e) : null;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> f : now.entrySet()) {
            String old = before == null ? null : before.get(f.getKey());
            if (before != null && before.containsKey(f.getKey()) && java.util.Objects.equals(old, f.getValue())) {
                continue; // unchanged
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(caption("audit.field." + f.getKey(), f.getKey())).append(": ");
            if (before != null && before.containsKey(f.getKey())) {
                sb.append(shown(old)).append(" → ");
            }
            sb.append(shown(f.getValue()));
        }
        return sb.length() == 0 && !now.isEmpty() ? msg.get("audit.noChange") : sb.toString();
    }

    private String shown(String value) {
        return value == null || value.isEmpty() ? msg.get("audit.empty") : value;
    }

    private String caption(String key, String fallback) {
        return msg.has(key) ? msg.get(key) : fallback;
    }

    /** The values of the entry just before {@code e} of the same record, or null when there is none. */
    private Map<String, String> previous(AuditEntry e) {
        List<AuditEntry> entries = cache.computeIfAbsent(e.recordType() + "/" + e.recordId(), k -> history.apply(e));
        for (int i = 0; i < entries.size() - 1; i++) {
            if (entries.get(i).id() == e.id()) {
                return parse(entries.get(i + 1).changes());
            }
        }
        return null;
    }

    /** A flat JSON object of strings, numbers, booleans and nulls (what the trail writes); anything else is kept as text. */
    static Map<String, String> parse(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json == null) {
            return values;
        }
        String s = json.strip();
        int[] pos = { 1 };
        if (!s.startsWith("{")) {
            values.put("", s);
            return values;
        }
        while (pos[0] < s.length()) {
            skipSpace(s, pos);
            if (pos[0] >= s.length() || s.charAt(pos[0]) == '}') {
                break;
            }
            if (s.charAt(pos[0]) != '"') {
                break;
            }
            String key = string(s, pos);
            skipSpace(s, pos);
            pos[0]++; // ':'
            skipSpace(s, pos);
            String value;
            if (pos[0] < s.length() && s.charAt(pos[0]) == '"') {
                value = string(s, pos);
            } else {
                int start = pos[0];
                while (pos[0] < s.length() && s.charAt(pos[0]) != ',' && s.charAt(pos[0]) != '}') {
                    pos[0]++;
                }
                value = s.substring(start, pos[0]).strip();
                if (value.equals("null")) {
                    value = null;
                }
            }
            values.put(key, value);
            skipSpace(s, pos);
            if (pos[0] < s.length() && s.charAt(pos[0]) == ',') {
                pos[0]++;
            }
        }
        return values;
    }

    private static void skipSpace(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    private static String string(String s, int[] pos) {
        StringBuilder sb = new StringBuilder();
        pos[0]++; // opening quote
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && pos[0] < s.length()) {
                char n = s.charAt(pos[0]++);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos[0] + 4 <= s.length()) {
                            sb.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
                            pos[0] += 4;
                        }
                    }
                    default -> sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
