package org.opencrm.platform.api.sales;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: one kind of sales of a set of stores over a period, e.g. handsets sold (the handset registry)
 * or member spend (membership). Register one per kind; consumers list all that are present.
 */
@ConsumerType
public interface StoreSalesFigures {
    /** A stable id of the figure, e.g. "handset.units". */
    String id();

    /** What the figure is called, in the user's language (e.g. "Handsets sold", "售出手机"). */
    String label(Locale locale);

    /**
     * The figures of the given store accounts (the caller checked that the user may see them) for the business days
     * {@code from} to {@code to}, both included, in the business time zone. A store without sales may be absent from
     * the answer.
     */
    Map<Long, StoreSales> sales(Collection<Long> storeAccountIds, LocalDate from, LocalDate to);
}
