package org.opencrm.module.audit.internal.service;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

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
    void defaultTemplatesInChineseAndEnglishArePublished() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            List<TemplateData> all = t.templates.list(t.hq);
            assertEquals(2, all.size());
            TemplateData zh = t.templates.get(t.hq, all.stream().filter(x -> x.code().equals("STD")).findFirst().orElseThrow().id());
            TemplateData en = t.templates.get(t.hq, all.stream().filter(x -> x.code().equals("STD-EN")).findFirst().orElseThrow().id());
            assertEquals("PUBLISHED", zh.status());
            assertEquals(List.of("VI", "SALES", "SERVICE"), zh.sections().stream().map(SectionData::code).toList());
            assertEquals("形象（VI）", zh.sections().get(0).title());
            assertEquals("Visual identity (VI)", en.sections().get(0).title());
            assertEquals(codes(zh), codes(en));
            t.templates.ensureDefaults(); // a second start installs nothing
            assertEquals(2, t.templates.list(t.hq).size());
        }
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
                    new TemplateData(null, "Y", null, "Y", "zh_CN", null, null, null, List.of(new SectionData("S", "S", twice)))));
            assertThrows(ConflictException.class, () -> t.templates.create(t.hq, template("STD", "q", 1)));
        }
    }

    static ItemData item(String code, String q, int weight) {
        return new ItemData(null, code, q, weight, "PASS_FAIL", null, false, false, false, "MEDIUM");
    }

    static TemplateData template(String code, String question, int weight) {
        return new TemplateData(null, code, null, code + " checklist", "zh_CN", null, null, null,
                List.of(new SectionData("VI", "形象", List.of(item("VI-01", question, weight)))));
    }
}
