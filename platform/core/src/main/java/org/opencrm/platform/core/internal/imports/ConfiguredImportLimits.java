package org.opencrm.platform.core.internal.imports;

import org.opencrm.platform.api.csv.ImportLimits;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment's import limit from etc/org.opencrm.import.cfg. A change applies at once (modified, not re-activated);
 * the service carries the limit as its {@code maxBytes} property.
 */
@Component(service = ImportLimits.class, configurationPid = ImportLimits.PID, property = "maxBytes:Long=" + ImportLimits.DEFAULT_MAX_BYTES)
@Designate(ocd = ImportConfig.class)
public class ConfiguredImportLimits implements ImportLimits {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredImportLimits.class);
    private volatile long maxBytes = DEFAULT_MAX_BYTES;

    @Activate
    @Modified
    void configure(ImportConfig config) {
        long max = config.maxBytes();
        if (max < 1) {
            LOG.error("maxBytes in {}.cfg must be positive, got {}: using {}", PID, max, DEFAULT_MAX_BYTES);
            max = DEFAULT_MAX_BYTES;
        }
        maxBytes = max;
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }
}
