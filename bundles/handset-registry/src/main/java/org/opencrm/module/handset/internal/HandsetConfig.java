package org.opencrm.module.handset.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * etc/org.opencrm.handset.cfg. The defaults are the Chinese "three guarantees" rules for mobile phones (移动电话机商品
 * 修理更换退货责任规定): handset 12 months, battery 6, charger 12, wired headset 3; return within 7 days of the sale,
 * exchange within 15. A model may override the months; a card keeps the months that applied when it was issued.
 */
@ObjectClassDefinition(id = HandsetConfig.PID, name = "OpenCRM handset registry",
        description = "Default warranty periods, return and exchange windows (days count in the business time zone, etc/org.opencrm.time.cfg)")
public @interface HandsetConfig {
    String PID = "org.opencrm.handset";

    @AttributeDefinition(min = "0", max = "120", description = "Warranty of the handset itself, in months")
    int handsetWarrantyMonths() default 12;

    @AttributeDefinition(min = "0", max = "120", description = "Warranty of the battery, in months")
    int batteryWarrantyMonths() default 6;

    @AttributeDefinition(min = "0", max = "120", description = "Warranty of the charger, in months")
    int chargerWarrantyMonths() default 12;

    @AttributeDefinition(min = "0", max = "120", description = "Warranty of a wired headset, in months")
    int wiredHeadsetWarrantyMonths() default 3;

    @AttributeDefinition(min = "0", max = "365", description = "Days after the sale day (day 0) within which a unit may be returned")
    int returnDays() default 7;

    @AttributeDefinition(min = "0", max = "365", description = "Days after the sale day (day 0) within which a unit with a performance fault may be exchanged")
    int exchangeDays() default 15;
}
