package org.opencrm.module.samplenotes.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opencrm.module.samplenotes.cfg (SampleNotesNames.CONFIG_PID); every change applies at once. */
@ObjectClassDefinition(id = SampleNotesNames.CONFIG_PID, name = "Sample notes", description = "Settings of the Sample notes module")
public @interface SampleNotesConfig {
    @AttributeDefinition(min = "1", description = "The largest amount of one record, in yuan")
    long maxAmountYuan() default 100000;

    @AttributeDefinition(min = "1", max = "1000", description = "The longest title of a record, in characters")
    int maxTitleLength() default 200;
}
