package org.opencrm.module.audit.internal.service;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencrm.module.audit.internal.dto.AuditData;
import org.opencrm.module.audit.internal.dto.Requests;
import org.opencrm.module.audit.internal.dto.TemplateData;
import org.opencrm.module.audit.internal.dto.TemplateData.ItemData;
import org.opencrm.module.audit.internal.dto.TemplateData.SectionData;
import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;

class TemplateVersioningTest {
    @Test
    void defaultTemplateIsPublishedInChineseWithItsEnglishTexts() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            List<TemplateData> all = t.templates.list(t.hq);
            assertEquals(1, all.size());
            TemplateData std = t.templates.get(t.hq, all.get(0).id());
            assertEquals("STD", std.code());
            assertEquals("zh_CN", std.language());
            assertEquals("PUBLISHED", std.status());
            assertEquals(List.of("VI", "SALES", "SERVICE"), std.sections().stream().map(SectionData::code).toList());
            assertEquals("形象（VI）", std.sections().get(0).title());
            assertEquals(Map.of("en", "Visual identity (VI)"), std.sections().get(0).titles());
            ItemData sign = std.sections().get(0).items().get(0);
            assertEquals("门头招牌完好、清洁，灯箱夜间正常点亮", sign.question());
            assertEquals("Shopfront sign intact and clean, light box lit at night", sign.texts().get("en").question());
            assertTrue(std.sections().stream().flatMap(s -> s.items().stream()).allMatch(i -> i.texts().containsKey("en")), "every item in English");
            t.templates.ensureDefaults(); // a second start installs nothing
            assertEquals(1, t.templates.list(t.hq).size());
        }
    }

    /** The complaint: a user whose UI is English saw the Chinese checklist. Now each viewer reads it in theirs. */
    @Test
    void anAuditReadsInTheViewersLanguageFallingBackToTheVersionsOwn() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            AuditData a = t.audits.start(t.hq, new Requests.StartAudit(t.storeA, null, null, true, null));
            assertEquals("zh_CN", a.language());
            assertEquals("门头招牌完好、清洁，灯箱夜间正常点亮", a.items().get(0).question());
            AuditData en = t.audits.get(t.hq, a.id(), Locale.ENGLISH);
            assertEquals("en", en.language());
            assertEquals("Shopfront sign intact and clean, light box lit at night", en.items().get(0).question());
            assertEquals("Visual identity (VI)", en.sections().get(0).title());
            assertEquals(List.of("Visual identity (VI)", "Sales rules", "Service rules"), en.sections().stream().map(AuditData.SectionScore::title).toList());
            assertEquals(t.audits.get(t.hq, a.id(), Locale.SIMPLIFIED_CHINESE), a);
            assertEquals("形象（VI）", t.audits.get(t.hq, a.id(), Locale.forLanguageTag("zh-TW")).sections().get(0).title());
            // answers and scores are the same in every language
            AuditData answered = t.audits.answer(t.hq, a.id(), a.items().get(0).id(), new Requests.Answer("PASS", null, null));
            AuditData answeredEn = t.audits.inLanguage(answered, Locale.US);
            assertEquals("PASS", answeredEn.items().get(0).answer());
            assertEquals(answered.score(), answeredEn.score());

            // a template with no English texts: an English viewer reads its Chinese (the fallback), and guidance comes along
            ItemData guided = new ItemData(null, "G-01", "价签对位", 10, "PASS_FAIL", null, false, false, false, "MEDIUM", "每个价签对准商品", null);
            t.templates.publish(t.hq, t.templates.create(t.hq, new TemplateData(null, "ZHONLY", null, "仅中文", "zh_CN", null, null, null,
                    List.of(new SectionData("VI", "形象", List.of(guided), null)))).id());
            AuditData zhOnly = t.audits.get(t.hq, t.audits.start(t.hq, new Requests.StartAudit(t.storeA, "ZHONLY", null, true, null)).id(), Locale.ENGLISH);
            assertEquals("价签对位", zhOnly.items().get(0).question());
            assertEquals("每个价签对准商品", zhOnly.items().get(0).guidance());
            assertEquals("形象", zhOnly.sections().get(0).title());
        }
    }

    /** Texts in other languages belong to the version: copied into a new version, edited in its draft, never in a published one. */
    @Test
    void textsInOtherLanguagesAreVersionedWithTheItems() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            TemplateData v1 = t.templates.publish(t.hq, t.templates.create(t.hq, bilingual("MINI", "门头", "Shopfront")).id());
            AuditData before = t.audits.start(t.hq, new Requests.StartAudit(t.storeA, "MINI", null, true, null));
            TemplateData v2 = t.templates.newVersion(t.hq, v1.id());
            assertEquals("Shopfront", v2.sections().get(0).items().get(0).texts().get("en").question());
            assertEquals(Map.of("en", "Visual identity"), v2.sections().get(0).titles());
            assertEquals("Shopfront guidance", v2.sections().get(0).items().get(0).texts().get("en").guidance());
            t.templates.update(t.hq, v2.id(), bilingual("MINI", "门头招牌", "Shopfront sign"));
            t.templates.publish(t.hq, v2.id());
            AuditData after = t.audits.start(t.hq, new Requests.StartAudit(t.storeA, "MINI", null, true, null));
            assertEquals("Shopfront sign", t.audits.get(t.hq, after.id(), Locale.ENGLISH).items().get(0).question());
            // the audit done on version 1 keeps version 1's words in both languages
            assertEquals("Shopfront", t.audits.get(t.hq, before.id(), Locale.ENGLISH).items().get(0).question());
            assertEquals("门头", t.audits.get(t.hq, before.id(), Locale.CHINA).items().get(0).question());
            // a language the CRM does not speak is refused; the version's own language among the texts is ignored
            TemplateData bad = new TemplateData(null, "BAD", null, "bad", "zh_CN", null, null, null, List.of(new SectionData("VI", "形象",
                    List.of(item("VI-01", "q", 1)), Map.of("fr", "Identité"))));
            assertEquals("audit.language", assertThrows(InvalidInputException.class, () -> t.templates.create(t.hq, bad)).messageKey());
            TemplateData own = t.templates.create(t.hq, new TemplateData(null, "OWN", null, "own", "zh_CN", null, null, null, List.of(new SectionData("VI",
                    "形象", List.of(item("VI-01", "q", 1)), Map.of("zh_CN", "别的")))));
            assertEquals(Map.of(), own.sections().get(0).titles());
        }
    }

    /**
     * An installation made before the default spoke both languages has STD in Chinese only and STD-EN: on the next start
     * STD gets its English texts (its audits, old ones too, read in English), a changed STD version does not, and a
     * further start adds nothing.
     */
    @Test
    void anOlderChineseOnlyDefaultGetsItsEnglishTextsOnce() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            t.jpa.tx(org.apache.aries.jpa.template.TransactionType.Required, em -> {
                em.createQuery("DELETE FROM TemplateItemText x").executeUpdate();
            });
            long std = t.templates.list(t.hq).get(0).id();
            AuditData old = t.audits.start(t.hq, new Requests.StartAudit(t.storeA, null, null, true, null));
            assertEquals("门头招牌完好、清洁，灯箱夜间正常点亮", t.audits.get(t.hq, old.id(), Locale.ENGLISH).items().get(0).question());
            // a changed later version of STD, in Chinese only
            TemplateData v2 = t.templates.newVersion(t.hq, std);
            t.jpa.tx(org.apache.aries.jpa.template.TransactionType.Required, em -> {
                em.createQuery("DELETE FROM TemplateItemText x").executeUpdate();
            });
            TemplateData changed = t.templates.get(t.hq, v2.id());
            List<SectionData> sections = new ArrayList<>(changed.sections());
            SectionData vi = sections.get(0);
            List<ItemData> items = new ArrayList<>(vi.items());
            ItemData first = items.get(0);
            items.set(0, new ItemData(null, first.code(), "门头招牌（新）", first.weight(), first.answerType(), first.maxScore(), first.naAllowed(),
                    first.critical(), first.photoRequiredOnFail(), first.severity(), null, null));
            sections.set(0, new SectionData(vi.code(), vi.title(), items, null));
            t.templates.update(t.hq, v2.id(), new TemplateData(null, "STD", null, changed.name(), "zh_CN", null, null, null, sections));
            t.templates.publish(t.hq, v2.id());

            t.templates.ensureDefaults();
            assertEquals("Shopfront sign intact and clean, light box lit at night", t.audits.get(t.hq, old.id(), Locale.ENGLISH).items().get(0).question());
            assertEquals(Map.of(), t.templates.get(t.hq, v2.id()).sections().get(0).titles(), "a changed version is not the default's words");
            t.templates.ensureDefaults();
            assertEquals(13, t.jpa.txExpr(org.apache.aries.jpa.template.TransactionType.Supports,
                    em -> em.createQuery("SELECT COUNT(x) FROM TemplateItemText x", Long.class).getSingleResult()).intValue());
            assertEquals(1, t.kit.auditOf("audit.template", Long.toString(std)).stream().filter(e -> e.action().equals("addTexts")).count());
        }
    }

    static TemplateData bilingual(String code, String zh, String en) {
        ItemData i = new ItemData(null, "VI-01", zh, 10, "PASS_FAIL", null, false, false, false, "MEDIUM", null,
                Map.of("en", new TemplateData.ItemText(en, en + " guidance")));
        return new TemplateData(null, code, null, code + " checklist", "zh_CN", null, null, null,
                List.of(new SectionData("VI", "形象", List.of(i), Map.of("en", "Visual identity"))));
    }

    private static List<String> codes(TemplateData d) {
        return d.sections().stream().flatMap(s -> s.items().stream()).map(ItemData::code).toList();
    }

    @Test
    void publishedVersionNeverChangesAndAuditsKeepTheirVersion() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            TemplateData v1 = t.templates.publish(t.hq, t.templates.create(t.hq, template("MINI", "门头", 10)).id());
            AuditData before = t.audits.start(t.hq, new Requests.StartAudit(t.storeA, "MINI", null, true, null));
            assertEquals(1, before.templateVersion());

            ConflictException published = assertThrows(ConflictException.class, () -> t.templates.update(t.hq, v1.id(), template("MINI", "改", 5)));
            assertEquals("audit.templatePublished", published.messageKey());

            TemplateData v2 = t.templates.newVersion(t.hq, v1.id());
            assertEquals(2, v2.version());
            assertEquals("DRAFT", v2.status());
            assertThrows(ConflictException.class, () -> t.templates.newVersion(t.hq, v1.id()), "one draft at a time");
            t.templates.update(t.hq, v2.id(), template("MINI", "门头招牌", 20));
            // a draft is not used for new audits
            assertEquals(1, t.audits.start(t.hq, new Requests.StartAudit(t.storeA, "MINI", null, true, null)).templateVersion());
            assertThrows(InvalidInputException.class, () -> t.audits.start(t.hq, new Requests.StartAudit(t.storeA, null, v2.id(), true, null)));
            t.templates.publish(t.hq, v2.id());

            AuditData after = t.audits.start(t.hq, new Requests.StartAudit(t.storeA, "MINI", null, true, null));
            assertEquals(2, after.templateVersion());
            assertEquals(20, after.items().get(0).weight());
            // the audit started on version 1 still has version 1's questions and weights, and so has version 1
            AuditData again = t.audits.get(t.hq, before.id());
            assertEquals(1, again.templateVersion());
            assertEquals("门头", again.items().get(0).question());
            assertEquals(10, again.items().get(0).weight());
            assertEquals(10, t.templates.get(t.hq, v1.id()).sections().get(0).items().get(0).weight());
            assertEquals(3, t.kit.auditOf("audit.template", v1.id().toString()).size() + t.kit.auditOf("audit.template", v2.id().toString()).size() - 2);
        }
    }

    @Test
    void templatesAreValidatedAndNeedThePermission() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            assertThrows(AccessDeniedException.class, () -> t.templates.create(t.supervisor, template("X", "q", 1)));
            InvalidInputException weight = assertThrows(InvalidInputException.class, () -> t.templates.create(t.hq, template("X", "q", 0)));
            assertEquals("items.weight", weight.field());
            List<ItemData> twice = new ArrayList<>(List.of(item("A1", "q", 1), item("A1", "q2", 1)));
            assertThrows(InvalidInputException.class, () -> t.templates.create(t.hq,
                    new TemplateData(null, "Y", null, "Y", "zh_CN", null, null, null, List.of(new SectionData("S", "S", twice, null)))));
            assertThrows(ConflictException.class, () -> t.templates.create(t.hq, template("STD", "q", 1)));
        }
    }

    static ItemData item(String code, String q, int weight) {
        return new ItemData(null, code, q, weight, "PASS_FAIL", null, false, false, false, "MEDIUM", null, null);
    }

    static TemplateData template(String code, String question, int weight) {
        return new TemplateData(null, code, null, code + " checklist", "zh_CN", null, null, null,
                List.of(new SectionData("VI", "形象", List.of(item("VI-01", question, weight)), null)));
    }
}
