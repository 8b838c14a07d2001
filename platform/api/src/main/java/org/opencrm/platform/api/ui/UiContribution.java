package org.opencrm.platform.api.ui;

import java.util.Locale;
import org.osgi.annotation.versioning.ConsumerType;

/** What every contribution to the web shell has: identity, a translated label, an order and a permission. */
@ConsumerType
public interface UiContribution {
    /** Unique within the shell, e.g. "handset-registry.handsets". */
    String id();

    /** The label in the user's language (the module reads its own resource bundle, en and zh_CN). */
    String label(Locale locale);

    /** Lower comes first. */
    default int order() {
        return 100;
    }

    /** The permission a user needs to see the contribution, or null for every signed-in user. */
    default String permission() {
        return null;
    }
}
