package org.opencrm.platform.api.ui;

import org.osgi.annotation.versioning.ConsumerType;

/** A menu entry and the view it opens, e.g. "Handsets" under the "service" group. */
@ConsumerType
public interface NavigationEntry extends UiContribution {
    /** Menu group: "customers", "sales", "service", "membership", "reports" or "admin"; others get their own group. */
    String group();

    /** A Material-style icon name, e.g. "smartphone"; null for none. */
    default String icon() {
        return null;
    }

    /** Creates the view for one user session. */
    Object createView(UiContext context);

    /**
     * Shows what a deep link names: for {@code #!handsets/860000000000001} the shell creates the view and calls this
     * with "860000000000001" (an empty string for the bare entry). The default ignores it.
     */
    default void enter(Object view, String parameters) {
    }
}
