package org.opencrm.module.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opencrm.franchiseaudit.cfg; every change applies at once. */
@ObjectClassDefinition(id = FranchiseAuditNames.CONFIG_PID, name = "Franchise audit", description = "Grades, photos and corrective-action deadlines of store audits")
public @interface FranchiseAuditConfig {
    @AttributeDefinition(min = "0", max = "100", description = "Lowest score (percent) of grade A")
    double gradeA() default 90;

    @AttributeDefinition(min = "0", max = "100", description = "Lowest score (percent) of grade B")
    double gradeB() default 75;

    @AttributeDefinition(min = "0", max = "100", description = "Lowest score (percent) of grade C; below it: D")
    double gradeC() default 60;

    @AttributeDefinition(min = "1", max = "51200", description = "Largest photo, in kilobytes (JPEG or PNG)")
    int maxPhotoKilobytes() default 5120;

    @AttributeDefinition(min = "1", description = "Days to correct a failed critical item")
    int dueDaysCritical() default 3;

    @AttributeDefinition(min = "1", description = "Days to correct a failed item of high severity")
    int dueDaysHigh() default 7;

    @AttributeDefinition(min = "1", description = "Days to correct a failed item of medium severity")
    int dueDaysMedium() default 14;

    @AttributeDefinition(min = "1", description = "Days to correct a failed item of low severity")
    int dueDaysLow() default 30;

    @AttributeDefinition(description = "Who overdue actions escalate to when the store's plan names no manager (a user name)")
    String escalationManager() default "admin";

    @AttributeDefinition(min = "1", description = "Minutes between two runs of the escalation of overdue actions")
    int escalationMinutes() default 60;
}
