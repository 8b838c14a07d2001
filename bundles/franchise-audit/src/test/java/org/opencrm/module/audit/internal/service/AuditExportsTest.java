package org.opencrm.module.audit.internal.service;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opencrm.module.audit.internal.dto.ActionData;
import org.opencrm.module.audit.internal.dto.ResultData;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.csv.Csv;
import org.opencrm.platform.api.security.CrmUser;

class AuditExportsTest {
    private static final PageRequest ALL = PageRequest.of(null, 0, 500);

    private static List<List<String>> rows(AuditExports.Download d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.writeTo(out);
        byte[] b = out.toByteArray();
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, java.util.Arrays.copyOf(b, 3), "UTF-8 with a BOM, for Excel");
        Csv.Parser p = new Csv.Parser(new StringReader(new String(b, StandardCharsets.UTF_8)));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r = p.next(); r != null; r = p.next()) {
            rows.add(r);
        }
        return rows;
    }

    /** Store A audited with one failed item, store B with two; exports of one row a page, so that the pages must follow each other without a gap or a repeat. */
    private static AuditExports twoStoresAudited(AuditOnTestKit t) {
        AuditFlowTest.doAudit(t, t.hq, t.storeA, "VI-01");
        AuditFlowTest.doAudit(t, t.hq, t.storeB, "SA-03", "VI-02");
        return new AuditExports(t.results, t.actions, 1);
    }

    @Test
    void theRankingIsTheJsonRankingInTheUsersScopeAndLanguage() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            AuditExports exports = twoStoresAudited(t);
            List<List<String>> zh = rows(exports.ranking(t.hq, null, false, Locale.SIMPLIFIED_CHINESE));
            assertEquals(List.of("排名", "门店", "区域", "得分", "等级", "巡检日期"), zh.get(0));
            List<ResultData.StoreRank> json = t.results.ranking(t.hq, null, false, ALL).items();
            assertEquals(json.size() + 1, zh.size());
            for (int i = 0; i < json.size(); i++) {
                ResultData.StoreRank r = json.get(i);
                assertEquals(List.of(Integer.toString(r.rank()), r.storeName(), r.region() == null ? "" : r.region(), r.score().toPlainString(), r.grade(),
                        r.auditDate().toString()), zh.get(i + 1));
            }
            assertEquals("Rank", rows(exports.ranking(t.hq, null, false, Locale.ENGLISH)).get(0).get(0));
            // a franchisee's file has its own store only, a supervisor without stores an empty one
            List<List<String>> own = rows(exports.ranking(t.franchiseeA, null, false, Locale.ENGLISH));
            assertEquals(2, own.size());
            assertEquals("南山店", own.get(1).get(1));
            assertEquals(1, rows(exports.ranking(t.supervisor, null, false, Locale.ENGLISH)).size());
        }
    }

    @Test
    void theActionsAreTheJsonListInTheUsersScopeWithLabels() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            AuditExports exports = twoStoresAudited(t);
            List<List<String>> all = rows(exports.actions(t.hq, null, null, null, false, Locale.SIMPLIFIED_CHINESE));
            assertEquals(List.of("门店", "检查项编号", "检查内容", "严重程度", "整改期限", "已逾期", "状态"), all.get(0));
            List<ActionData> json = t.actions.list(t.hq, null, null, null, false, ALL).items();
            assertEquals(3, json.size());
            assertEquals(json.size() + 1, all.size());
            for (int i = 0; i < json.size(); i++) {
                ActionData a = json.get(i);
                assertEquals(List.of(a.storeName(), a.itemCode(), a.question()), all.get(i + 1).subList(0, 3));
                assertEquals(a.dueDate().toString(), all.get(i + 1).get(4));
                assertEquals("待整改", all.get(i + 1).get(6));
                assertFalse(all.get(i + 1).get(3).matches("[A-Z]+"), "severity as a label: " + all.get(i + 1));
            }
            List<List<String>> own = rows(exports.actions(t.franchiseeA, null, null, null, false, Locale.ENGLISH));
            assertEquals(List.of("Store", "Item", "Question", "Severity", "Due", "Overdue", "Status"), own.get(0));
            assertEquals(2, own.size());
            assertEquals(List.of("南山店", "VI-01", "Shopfront sign intact and clean, light box lit at night"), own.get(1).subList(0, 3), "the English question");
            assertEquals("Open", own.get(1).get(6));
        }
    }

    @Test
    void aRefusalComesBeforeTheFile() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            AuditExports exports = new AuditExports(t.results, t.actions);
            assertThrows(InvalidInputException.class, () -> exports.actions(t.hq, null, null, "LOST", false, Locale.ENGLISH));
            CrmUser nobody = t.kit.hq("nobody");
            assertThrows(org.opencrm.platform.api.AccessDeniedException.class, () -> exports.ranking(nobody, null, false, Locale.ENGLISH));
        }
    }
}
