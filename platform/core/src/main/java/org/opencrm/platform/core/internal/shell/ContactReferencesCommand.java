package org.opencrm.platform.core.internal.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.platform.core.internal.service.ContactReferencesRegistry;

/**
 * The modules that refer to contacts (ContactReferences), and whether each is enabled: while one is not, no contact is
 * deleted. {@code --forget} drops a module that was removed for good.
 */
@Command(scope = "crm", name = "contact-references", description = "List the modules that refer to contacts; --forget one removed for good")
@Service
public class ContactReferencesCommand implements Action {
    @Reference
    ContactReferencesRegistry references;

    @Option(name = "--forget", description = "module id of a module removed for good: its references are no longer waited for")
    String forget;

    @Override
    public Object execute() {
        if (forget != null) {
            try {
                System.out.println(references.forget(forget) ? "Forgot " + forget + ": contacts are deleted without asking it"
                        : forget + " was not recorded as referring to contacts");
            } catch (IllegalStateException e) {
                System.out.println(e.getMessage());
            }
            return null;
        }
        Map<String, Boolean> holders = references.holders();
        if (holders.isEmpty()) {
            System.out.println("No module refers to contacts.");
        }
        holders.forEach((module, enabled) -> System.out.printf("%-24s %s%n", module, enabled ? "enabled (asked before a delete)"
                : "NOT ENABLED: no contact is deleted until it is enabled again or forgotten"));
        return null;
    }
}
