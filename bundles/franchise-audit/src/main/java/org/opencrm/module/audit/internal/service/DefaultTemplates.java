package org.opencrm.module.audit.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opencrm.module.audit.internal.dto.TemplateData.ItemData;
import org.opencrm.module.audit.internal.dto.TemplateData.ItemText;
import org.opencrm.module.audit.internal.dto.TemplateData.SectionData;

/**
 * The default checklist, built from the brand-standard areas (VI: frontage, logo, shelves, posters; sales: reception,
 * prices and promotions, forms; service: queueing, intake, diagnosis, quotes, quality checks, satisfaction), in
 * Simplified Chinese and in English with the same codes: one template in Chinese with its English texts
 * ({@link #bilingual()}).
 */
final class DefaultTemplates {
    private DefaultTemplates() {
    }

    private static ItemData pf(String code, String q, int weight, boolean na, boolean critical, boolean photo, String severity) {
        return new ItemData(null, code, q, weight, "PASS_FAIL", 1, na, critical, photo, severity, null, null);
    }

    private static ItemData score(String code, String q, int weight, int max, String severity) {
        return new ItemData(null, code, q, weight, "SCORE", max, false, false, false, severity, null, null);
    }

    static final List<SectionData> ZH = List.of(
            new SectionData("VI", "形象（VI）", List.of(
                    pf("VI-01", "门头招牌完好、清洁，灯箱夜间正常点亮", 10, false, false, true, "HIGH"),
                    pf("VI-02", "品牌标识符合最新VI规范（颜色、比例、位置）", 10, false, true, true, "CRITICAL"),
                    score("VI-03", "货架陈列整齐、满陈列、价签对位", 10, 5, "MEDIUM"),
                    pf("VI-04", "海报与物料为当期活动，无过期物料", 5, true, false, true, "LOW")), null),
            new SectionData("SALES", "销售规范", List.of(
                    score("SA-01", "顾客进店 10 秒内迎宾接待", 10, 5, "MEDIUM"),
                    pf("SA-02", "明码标价，价格与促销与总部一致", 15, false, true, true, "CRITICAL"),
                    pf("SA-03", "销售单据、三包凭证填写完整规范", 10, false, false, false, "HIGH")), null),
            new SectionData("SERVICE", "服务规范", List.of(
                    pf("SV-01", "排队叫号有序，等候区整洁", 5, true, false, false, "LOW"),
                    pf("SV-02", "受理登记完整（故障描述、外观、配件）", 10, true, false, false, "MEDIUM"),
                    pf("SV-03", "检测诊断按流程并告知顾客", 5, true, false, false, "MEDIUM"),
                    pf("SV-04", "维修报价先告知并经顾客确认", 5, true, false, false, "HIGH"),
                    pf("SV-05", "维修后质检并记录", 5, true, false, false, "MEDIUM"),
                    score("SV-06", "顾客满意度回访", 5, 5, "LOW")), null));

    static final List<SectionData> EN = List.of(
            new SectionData("VI", "Visual identity (VI)", List.of(
                    pf("VI-01", "Shopfront sign intact and clean, light box lit at night", 10, false, false, true, "HIGH"),
                    pf("VI-02", "Brand logo as the current VI standard (colours, proportions, position)", 10, false, true, true, "CRITICAL"),
                    score("VI-03", "Shelves tidy and fully stocked, price tags in place", 10, 5, "MEDIUM"),
                    pf("VI-04", "Posters and materials of the current campaign, none expired", 5, true, false, true, "LOW")), null),
            new SectionData("SALES", "Sales rules", List.of(
                    score("SA-01", "Customers greeted within 10 seconds", 10, 5, "MEDIUM"),
                    pf("SA-02", "Prices shown; prices and promotions as set by HQ", 15, false, true, true, "CRITICAL"),
                    pf("SA-03", "Sales forms and warranty cards filled in completely", 10, false, false, false, "HIGH")), null),
            new SectionData("SERVICE", "Service rules", List.of(
                    pf("SV-01", "Orderly queueing, waiting area clean", 5, true, false, false, "LOW"),
                    pf("SV-02", "Intake complete (fault, appearance, accessories)", 10, true, false, false, "MEDIUM"),
                    pf("SV-03", "Diagnosis by the procedure, explained to the customer", 5, true, false, false, "MEDIUM"),
                    pf("SV-04", "Repair quote given and confirmed by the customer first", 5, true, false, false, "HIGH"),
                    pf("SV-05", "Quality check after repair, recorded", 5, true, false, false, "MEDIUM"),
                    score("SV-06", "Customer satisfaction follow-up", 5, 5, "LOW")), null));

    /** The Chinese checklist with the English section titles and questions as its texts in en (matched by code). */
    static List<SectionData> bilingual() {
        List<SectionData> out = new ArrayList<>();
        for (int s = 0; s < ZH.size(); s++) {
            SectionData zh = ZH.get(s);
            SectionData en = EN.get(s);
            List<ItemData> items = new ArrayList<>();
            for (int i = 0; i < zh.items().size(); i++) {
                ItemData z = zh.items().get(i);
                ItemData e = en.items().get(i);
                if (!z.code().equals(e.code()) || !zh.code().equals(en.code())) {
                    throw new IllegalStateException("the default checklist's languages differ at " + z.code());
                }
                items.add(new ItemData(null, z.code(), z.question(), z.weight(), z.answerType(), z.maxScore(), z.naAllowed(), z.critical(),
                        z.photoRequiredOnFail(), z.severity(), z.guidance(), Map.of("en", new ItemText(e.question(), e.guidance()))));
            }
            out.add(new SectionData(zh.code(), zh.title(), items, Map.of("en", en.title())));
        }
        return out;
    }
}
