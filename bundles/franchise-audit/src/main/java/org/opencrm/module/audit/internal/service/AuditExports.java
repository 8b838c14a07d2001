package org.opencrm.module.audit.internal.service;

import org.opencrm.platform.api.i18n.Messages;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.opencrm.module.audit.internal.FranchiseAuditNames;
import org.opencrm.module.audit.internal.dto.ActionData;
import org.opencrm.module.audit.internal.dto.ResultData.StoreRank;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.csv.Csv;
import org.opencrm.platform.api.security.CrmUser;

/**
 * CSV downloads of the results ranking and of the corrective actions: the same rows, in the same user's scope and
 * order, as the JSON lists ({@link ResultsService#ranking}, {@link ActionService#list}), read page by page and
 * flushed after each page so that a network of thousands of stores streams; UTF-8 with a BOM (the platform's
 * {@link Csv.Writer}), column headers and labels in the user's language.
 */
public final class AuditExports {
    private final ResultsService results;
    private final ActionService actions;
    /** Rows read (and flushed) at a time. */
    private final int batch;

    public AuditExports(ResultsService results, ActionService actions) {
        this(results, actions, PageRequest.MAX_LIMIT);
    }

    AuditExports(ResultsService results, ActionService actions, int batch) {
        this.results = results;
        this.actions = actions;
        this.batch = batch;
    }

    /** A download's content, written once the answer's header is sent. */
    @FunctionalInterface
    public interface Download {
        void writeTo(OutputStream out);
    }

    /**
     * Columns: rank, store, region, score, grade, audit date. Permissions and arguments are checked now, so that a
     * refusal is an error answer rather than a broken download.
     */
    public Download ranking(CrmUser user, String region, boolean worstFirst, Locale locale) {
        results.ranking(user, region, worstFirst, PageRequest.of(null, 0, 1));
        return out -> writeRanking(user, region, worstFirst, messages(locale), out);
    }

    private void writeRanking(CrmUser user, String region, boolean worstFirst, Messages m, OutputStream out) {
        Csv.Writer csv = new Csv.Writer(out);
        csv.row(m.get("csv.rank"), m.get("csv.store"), m.get("csv.region"), m.get("csv.score"), m.get("csv.grade"),
                m.get("csv.auditDate"));
        for (int offset = 0;; offset += batch) {
            Page<StoreRank> page = results.ranking(user, region, worstFirst, PageRequest.of(null, offset, batch));
            for (StoreRank r : page.items()) {
                csv.row(r.rank(), r.storeName(), r.region(), r.score() == null ? null : r.score().toPlainString(), r.grade(), r.auditDate());
            }
            csv.flush();
            if (page.items().size() < batch) {
                break;
            }
        }
    }

    /**
     * Columns: store, item code, question (in the reader's language where the checklist has it), severity, due date,
     * overdue, status; filters as the JSON list's (checked now).
     */
    public Download actions(CrmUser user, Long storeId, Long auditId, String status, boolean overdueOnly, Locale locale) {
        actions.list(user, storeId, auditId, status, overdueOnly, PageRequest.of(null, 0, 1));
        return out -> writeActions(user, storeId, auditId, status, overdueOnly, messages(locale), locale, out);
    }

    private void writeActions(CrmUser user, Long storeId, Long auditId, String status, boolean overdueOnly, Messages m, Locale locale,
            OutputStream out) {
        Csv.Writer csv = new Csv.Writer(out);
        csv.row(m.get("csv.store"), m.get("csv.itemCode"), m.get("csv.question"), m.get("csv.severity"), m.get("csv.due"),
                m.get("csv.overdue"), m.get("csv.status"));
        for (int offset = 0;; offset += batch) {
            // the questions in the reader's language, as the checklist's texts (the list's own order and size)
            List<ActionData> page = actions.inLanguage(actions.list(user, storeId, auditId, status, overdueOnly, PageRequest.of(null, offset, batch)).items(),
                    locale);
            for (ActionData a : page) {
                csv.row(a.storeName(), a.itemCode(), a.question(), label(m, "severity." + a.severity()), a.dueDate(),
                        a.overdue() ? m.get("report.yes") : "", label(m, "actionStatus." + a.status()));
            }
            csv.flush();
            if (page.size() < batch) {
                break;
            }
        }
    }

    private static Messages messages(Locale locale) {
        return Messages.of(AuditExports.class, FranchiseAuditNames.MESSAGES, locale);
    }

    private static String label(Messages m, String key) {
        return m.has(key) ? m.get(key) : key.substring(key.indexOf('.') + 1);
    }
}
