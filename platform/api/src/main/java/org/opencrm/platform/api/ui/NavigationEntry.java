package org.opencrm.platform.api.ui;

/** A menu entry and the view it opens, e.g. "Handsets" under the "service" group. */
public interface NavigationEntry extends UiContribution {
    /** Menu group: "customers", "sales", "service", "membership", "reports" or "admin"; others get their own group. */
    String group();

    /** A Material-style icon name, e.g. "smartphone"; null for none. */
    default String icon() {
        return null;
    }

    /** Creates the view for one user session. */
    Object createView(UiContext context);
}
