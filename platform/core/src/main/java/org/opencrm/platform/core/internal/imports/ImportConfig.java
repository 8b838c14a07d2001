package org.opencrm.platform.core.internal.imports;

import org.opencrm.platform.api.csv.ImportLimits;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opencrm.import.cfg: limits and bookkeeping of every CSV import of the deployment. */
@ObjectClassDefinition(id = ImportLimits.PID, name = "OpenCRM imports",
        description = "How large a CSV import may be, and when a running import counts as interrupted")
public @interface ImportConfig {
    @AttributeDefinition(description = "Largest import body in bytes; a larger one is refused with 413 and nothing of it is kept (default 50 MiB)")
    long maxBytes() default ImportLimits.DEFAULT_MAX_BYTES;

    @AttributeDefinition(description = "Seconds without a sign of life after which a running import of another node counts as interrupted (default 120)")
    int staleAfterSeconds() default 120;
}
