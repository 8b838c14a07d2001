package org.opencrm.platform.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opencrm.platform.core.internal.schema.SchemaVersions;
import org.opencrm.platform.persistence.ModuleSchema;

/** {@code crm:schema}: each module's schema version in the database (its newest applied step and when). */
@Command(scope = "crm", name = "schema", description = "Each module's database schema version (its newest applied migration step)")
@Service
public class SchemaCommand implements Action {
    @Reference
    SchemaVersions versions;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Module");
        table.column("Version");
        table.column("Step");
        table.column("Applied (UTC)");
        for (ModuleSchema.Version v : versions.installed()) {
            table.addRow().addContent(v.module(), v.version(), v.description(), v.appliedAt() == null ? "" : v.appliedAt().toString());
        }
        table.print(System.out);
        return null;
    }
}
