package org.opencrm.platform.core.ui.internal;

import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.api.ui.PendingWork;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.service.ActivityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The badge on Activities: the user's own open activities due before today, "today" being the business date (Beijing
 * by default), so an activity due today is not overdue at 01:00 there while the server's UTC clock still says yesterday.
 */
@Component(service = PendingWork.class)
public class OverdueActivities implements PendingWork {
    private final ActivityService activities;
    private final BusinessClock clock;

    @Activate
    public OverdueActivities(@Reference ActivityService activities, @Reference BusinessClock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    @Override
    public String entryId() {
        return ActivitiesEntry.ID;
    }

    @Override
    public long count(UiContext context) {
        return activities.overdueCount(context.user(), clock.today());
    }
}
