package org.opencrm.platform.core.internal.schema;

import java.util.List;

import javax.sql.DataSource;

import org.opencrm.platform.persistence.ModuleSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Every module's schema version as the shared database holds it (the same answer on every node). */
@Component(service = SchemaVersions.class)
public class SchemaVersions {
    private final DataSource dataSource;

    @Activate
    public SchemaVersions(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ModuleSchema.Version> installed() {
        return ModuleSchema.installed(dataSource);
    }
}
