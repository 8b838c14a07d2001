package org.opencrm.module.audit.internal.service;

import org.opencrm.platform.api.i18n.Messages;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opencrm.module.audit.internal.FranchiseAuditNames;
import org.opencrm.module.audit.internal.dto.ActionData;
import org.opencrm.module.audit.internal.dto.AuditData;
import org.opencrm.module.audit.internal.dto.AuditData.ItemAnswer;
import org.opencrm.module.audit.internal.dto.AuditData.PhotoData;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.pdf.PdfDocument;
import org.opencrm.platform.pdf.PdfDocuments;

/**
 * The printable audit report for the store's file (PDF, in the user's language): store, date, auditor, checklist
 * version, score and grade, section scores, every item with its answer, the photos of failed items, the corrective
 * actions and the store's acknowledgement. Reads through the services, so the data scope is the caller's (404 for
 * another's audit).
 */
public class AuditReport {
    private final AuditService audits;
    private final ActionService actions;
    private final PdfDocuments pdfs;
    private final BusinessClock clock;

    public AuditReport(AuditService audits, ActionService actions, PdfDocuments pdfs, BusinessClock clock) {
        this.audits = audits;
        this.actions = actions;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    public byte[] pdf(CrmUser user, long auditId, Locale locale) {
        AuditData a = audits.get(user, auditId, locale);
        Messages m = Messages.of(AuditReport.class, FranchiseAuditNames.MESSAGES, locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        try (PdfDocument d = pdfs.create(m.get("report.title") + " · " + a.storeName())) {
            d.field(m.get("report.store"), a.storeName()).field(m.get("report.region"), a.region() == null ? "" : a.region())
                    .field(m.get("report.date"), a.auditDate().toString()).field(m.get("report.auditor"), a.auditor())
                    .field(m.get("report.template"), a.templateCode() + " v" + a.templateVersion())
                    .field(m.get("report.announced"), m.get(a.announced() ? "report.yes" : "report.no"))
                    .field(m.get("report.score"), a.score() == null ? m.get("report.notScored") : a.score().toPlainString())
                    .field(m.get("report.grade"), a.grade() == null ? "" : a.grade());
            if (a.criticalFailed()) {
                d.paragraph(m.get("report.criticalFailed"));
            }
            if (a.acknowledgedBy() != null) {
                d.field(m.get("report.acknowledged"), a.acknowledgedBy() + "  " + clock.local(a.acknowledgedAt()).format(time));
            }
            if (a.comment() != null) {
                d.field(m.get("report.comment"), a.comment());
            }
            d.heading(m.get("report.sections"));
            d.table(List.of(m.get("report.section"), m.get("report.score")), a.sections().stream()
                    .map(s -> List.of(s.title(), s.score() == null ? "—" : s.score().toPlainString())).toList(), 4, 1);
            d.heading(m.get("report.items"));
            List<List<String>> rows = new ArrayList<>();
            for (ItemAnswer i : a.items()) {
                String answer = i.answer() != null ? m.get("answer." + i.answer()) : i.score() == null ? "" : i.score() + " / " + i.maxScore();
                rows.add(List.of(i.code(), i.question(), (i.failed() ? "✗ " : "") + answer, i.comment() == null ? "" : i.comment()));
            }
            d.table(List.of(m.get("report.code"), m.get("report.question"), m.get("report.answer"), m.get("report.remark")), rows,
                    1.1f, 5, 1.4f, 2.5f);
            List<PhotoData> failedPhotos = a.photos().stream().filter(p -> p.itemId() != null
                    && a.items().stream().anyMatch(i -> i.id().equals(p.itemId()) && i.failed())).toList();
            if (!failedPhotos.isEmpty()) {
                d.heading(m.get("report.failedPhotos"));
                for (PhotoData p : failedPhotos) {
                    String code = a.items().stream().filter(i -> i.id().equals(p.itemId())).map(i -> i.code() + " " + i.question()).findFirst().orElse("");
                    d.image(audits.photoContent(user, auditId, p.id(), false).bytes(), 360, 270, code);
                }
            }
            List<ActionData> acts = actions.list(user, null, auditId, null, false, PageRequest.of(null, 0, 500)).items();
            if (!acts.isEmpty()) {
                java.util.Map<String, String> questions = new java.util.HashMap<>();
                a.items().forEach(i -> questions.put(i.code(), i.question())); // in the reader's language
                d.heading(m.get("report.actions"));
                d.table(List.of(m.get("report.code"), m.get("report.question"), m.get("report.due"), m.get("report.actionStatus")),
                        acts.stream().map(c -> List.of(c.itemCode(), questions.getOrDefault(c.itemCode(), c.question()), c.dueDate().toString(), c.status())).toList(), 1.1f, 5, 1.5f, 1.4f);
            }
            return d.toBytes();
        }
    }
}
