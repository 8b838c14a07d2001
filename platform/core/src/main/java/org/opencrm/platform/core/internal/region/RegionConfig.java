package org.opencrm.platform.core.internal.region;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = RegionConfig.PID, name = "CRM sales regions",
        description = "The company's sales regions with their names in English and Chinese; empty: the seven regions shipped with the platform (华北, 东北, 华东, 华中, 华南, 西南, 西北)")
public @interface RegionConfig {
    String PID = "org.opencrm.regions";

    @AttributeDefinition(required = false, description = "Regions as CODE:English name|Chinese name, e.g. SOUTH:South China|华南; accounts and REGION-scoped users store the code")
    String[] regions() default {};
}
