package org.opencrm.platform.api.timeline;

import org.opencrm.platform.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/** The customer timeline every module writes to. */
@ProviderType
public interface TimelineService {
    /** Records an entry (contactId or accountId must be set) and returns it with its id. */
    TimelineEntry record(TimelineEntry entry);

    /** Newest first: the contact's activities and module entries merged. */
    Page<TimelineEntry> forContact(long contactId, int offset, int limit);

    Page<TimelineEntry> forAccount(long accountId, int offset, int limit);
}
