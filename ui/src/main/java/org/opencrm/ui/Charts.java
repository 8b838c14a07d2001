package org.opencrm.ui;

import java.util.List;

import com.vaadin.shared.ui.ContentMode;
import com.vaadin.ui.Label;

/**
 * Small charts as inline SVG (Vaadin 8's chart add-on is commercial). Labels are escaped, so values from the
 * database cannot inject markup.
 */
public final class Charts {
    private Charts() {
    }

    /** A vertical bar chart, one bar per label. */
    public static Label bars(List<String> labels, List<? extends Number> values, String ariaLabel) {
        int n = labels.size();
        double max = values.stream().mapToDouble(Number::doubleValue).max().orElse(0);
        int width = Math.max(240, n * 48);
        int height = 180;
        int plot = height - 40;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"crm-chart\" role=\"img\" aria-label=\"").append(escape(ariaLabel))
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"100%\" height=\"").append(height).append("\">");
        double slot = (double) width / Math.max(1, n);
        for (int i = 0; i < n; i++) {
            double v = values.get(i).doubleValue();
            double h = max <= 0 ? 0 : v / max * (plot - 16);
            double x = i * slot + slot * 0.15;
            double w = slot * 0.7;
            double y = plot - h;
            svg.append(String.format(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#197de1\"/>", x, y, w, h));
            svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                    x + w / 2, y - 3, escape(format(values.get(i)))));
            svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                    x + w / 2, plot + 16, escape(labels.get(i))));
        }
        svg.append(String.format(java.util.Locale.ROOT, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", plot, width, plot));
        svg.append("</svg>");
        Label chart = new Label(svg.toString(), ContentMode.HTML);
        chart.setWidth("100%");
        return chart;
    }

    private static String format(Number n) {
        return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : String.format(java.util.Locale.ROOT, "%.1f", n.doubleValue());
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
