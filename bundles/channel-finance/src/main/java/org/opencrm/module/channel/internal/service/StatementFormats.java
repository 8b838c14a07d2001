package org.opencrm.module.channel.internal.service;

import java.math.BigDecimal;

import org.opencrm.module.channel.internal.dto.AgingRow;
import org.opencrm.module.channel.internal.dto.LedgerData;
import org.opencrm.module.channel.internal.dto.StatementData;
import org.opencrm.platform.api.csv.Csv;

/** A statement (对账单) as CSV (UTF-8 with a BOM, so that spreadsheet programs read the Chinese) and as a printable HTML page. */
public final class StatementFormats {
    private StatementFormats() {
    }

    public static String csv(StatementData s) {
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append(Csv.line("partner", "accountId", "from", "to")).append("\r\n");
        b.append(Csv.line(s.accountName(), s.accountId(), s.from(), s.to())).append("\r\n");
        b.append(Csv.line("date", "kind", "document", "amount", "balance")).append("\r\n");
        b.append(Csv.line(s.from(), "OPENING", "", "", s.opening())).append("\r\n");
        for (LedgerData l : s.entries()) {
            b.append(Csv.line(l.onDate(), l.kind(), l.documentNumber(), l.amount(), l.balance())).append("\r\n");
        }
        b.append(Csv.line(s.to(), "CLOSING", "", "", s.closing())).append("\r\n");
        b.append(Csv.line("invoices", "payments", "creditNotes", "writeOffs", "rebatesEarned")).append("\r\n");
        b.append(Csv.line(s.invoices(), s.payments(), s.creditNotes(), s.writeOffs(), s.rebatesEarned())).append("\r\n");
        AgingRow a = s.aging();
        b.append(Csv.line("current", "days1to30", "days31to60", "days61to90", "over90", "total")).append("\r\n");
        b.append(Csv.line(a.current(), a.days1to30(), a.days31to60(), a.days61to90(), a.over90(), a.total())).append("\r\n");
        return b.toString();
    }

    /** The printable page; labels in Chinese with English below, as statements are exchanged with partners on paper. */
    public static String html(StatementData s) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>对账单 Statement ").append(esc(s.accountName())).append("</title>");
        b.append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px 8px}"
                + "td.n{text-align:right}@media print{body{margin:0}}</style></head><body>");
        b.append("<h1>对账单 Statement</h1><p>").append(esc(s.accountName())).append(" (").append(s.accountId()).append(")<br>")
                .append(s.from()).append(" – ").append(s.to()).append("</p>");
        b.append("<table><tr><th>日期 Date</th><th>类型 Kind</th><th>单据 Document</th><th>金额 Amount (CNY)</th><th>余额 Balance</th></tr>");
        b.append("<tr><td>").append(s.from()).append("</td><td>期初 Opening</td><td></td><td></td><td class=n>").append(s.opening()).append("</td></tr>");
        for (LedgerData l : s.entries()) {
            b.append("<tr><td>").append(l.onDate()).append("</td><td>").append(kind(l.kind())).append("</td><td>").append(esc(l.documentNumber()))
                    .append("</td><td class=n>").append(l.amount()).append("</td><td class=n>").append(l.balance()).append("</td></tr>");
        }
        b.append("<tr><td>").append(s.to()).append("</td><td>期末 Closing</td><td></td><td></td><td class=n><b>").append(s.closing()).append("</b></td></tr></table>");
        b.append("<h2>汇总 Summary</h2><table><tr><th>发票 Invoices</th><th>回款 Payments</th><th>贷项 Credit notes</th><th>核销 Write-offs</th><th>返利 Rebates earned</th></tr><tr>");
        for (BigDecimal v : new BigDecimal[] { s.invoices(), s.payments(), s.creditNotes(), s.writeOffs(), s.rebatesEarned() }) {
            b.append("<td class=n>").append(v).append("</td>");
        }
        AgingRow a = s.aging();
        b.append("</tr></table><h2>账龄 Aging (").append(s.to()).append(")</h2><table><tr><th>未到期 Current</th><th>1–30</th><th>31–60</th><th>61–90</th><th>&gt; 90</th><th>合计 Total</th></tr><tr>");
        for (BigDecimal v : new BigDecimal[] { a.current(), a.days1to30(), a.days31to60(), a.days61to90(), a.over90(), a.total() }) {
            b.append("<td class=n>").append(v).append("</td>");
        }
        b.append("</tr></table><p>双方核对无误后签章确认。 Please confirm this statement with your signature and seal.</p></body></html>");
        return b.toString();
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "INVOICE" -> "发票 Invoice";
            case "PAYMENT" -> "回款 Payment";
            case "CREDIT_NOTE" -> "贷项 Credit note";
            case "WRITE_OFF" -> "核销 Write-off";
            default -> kind;
        };
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
