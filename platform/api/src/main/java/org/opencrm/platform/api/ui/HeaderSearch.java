package org.opencrm.platform.api.ui;

import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A search behind the shell's header search box, which finds records from any screen: register one as a whiteboard
 * service per kind of record a module can find by what staff type (a contact's name or mobile, a handset's IMEI or
 * serial, a member's card or mobile, a repair order's number). The shell asks every registered search as the user
 * types and lists the hits under each search's label; choosing a hit opens its page. A search only returns records the
 * user may see (permission and data scope), and nothing for text that cannot be what it finds (e.g. letters for an
 * IMEI), so that it stays cheap.
 *
 * @since 1.3
 */
@ConsumerType
public interface HeaderSearch {
    /** What this search finds, in the user's language, e.g. "Handsets"; heads its hits. */
    String label(Locale locale);

    /** At most {@code limit} records matching {@code text} (already trimmed, at least 2 characters), best first. */
    List<SearchHit> search(UiContext context, String text, int limit);
}
